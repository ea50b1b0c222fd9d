package com.interactionledger.deploy.access;

import com.interactionledger.contracts.common.AccessRole;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The ledger roles a token grants: the values of the configured claim (a dotted path into nested claims, a list
 * or a space-separated string) that name an {@link AccessRole}, case-insensitive. Anything else in the claim (the
 * provider's own roles) is ignored, so a token can carry the roles of many applications.
 */
final class RoleClaims {

    private static final Set<String> LEDGER_ROLES = Arrays.stream(AccessRole.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final String[] path;

    RoleClaims(String claim) {
        this.path = claim.split("\\.");
    }

    Set<String> roles(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String step : path) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        Collection<?> values = value instanceof Collection<?> list ? list
                : value instanceof String text ? List.of(text.trim().split("[\\s,]+")) : List.of();
        Set<String> roles = new TreeSet<>();
        for (Object role : values) {
            String name = String.valueOf(role).trim().toUpperCase(Locale.ROOT);
            if (LEDGER_ROLES.contains(name)) {
                roles.add(name);
            }
        }
        return roles;
    }

    /** Spring Security's form: {@code ROLE_AGENT}, what {@code HttpServletRequest.isUserInRole("AGENT")} checks. */
    Collection<GrantedAuthority> authorities(Jwt jwt) {
        return roles(jwt).stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
