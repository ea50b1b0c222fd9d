package com.interactionledger.deploy.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoleClaimsTest {

    @Test
    void rolesAreReadFromAListAStringOrANestedClaimAndOnlyLedgerRolesCount() {
        assertThat(new RoleClaims("roles").roles(jwt(Map.of("roles", List.of("agent", "Supervisor", "billing")))))
                .containsExactly("AGENT", "SUPERVISOR");
        assertThat(new RoleClaims("scope").roles(jwt(Map.of("scope", "openid analyst  regulator,admin"))))
                .containsExactly("ADMIN", "ANALYST", "REGULATOR");
        assertThat(new RoleClaims("realm_access.roles").roles(jwt(Map.of("realm_access",
                Map.of("roles", List.of("offline_access", "system")))))).containsExactly("SYSTEM");
    }

    @Test
    void aMissingOrMisshapenClaimGrantsNothing() {
        assertThat(new RoleClaims("roles").roles(jwt(Map.of("other", "agent")))).isEmpty();
        assertThat(new RoleClaims("realm_access.roles").roles(jwt(Map.of("realm_access", "agent")))).isEmpty();
        assertThat(new RoleClaims("roles").roles(jwt(Map.of("roles", 42)))).isEmpty();
    }

    @Test
    void authoritiesHaveTheRolePrefixTheServletRoleCheckExpects() {
        assertThat(new RoleClaims("roles").authorities(jwt(Map.of("roles", List.of("agent")))))
                .extracting(Object::toString).containsExactly("ROLE_AGENT");
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone")
                .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60));
        claims.forEach(jwt::claim);
        return jwt.build();
    }
}
