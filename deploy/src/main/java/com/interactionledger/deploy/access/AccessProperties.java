package com.interactionledger.deploy.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Who may call the API ({@code ledger.access.*}, docs/PRIVACY-AND-ACCESS.md).
 *
 * @param mode        {@code oidc} (the default): tokens from the OIDC provider at {@code issuerUri};
 *                    {@code development}: tokens from the embedded development issuer ({@code POST /dev/tokens}),
 *                    signed with a key made at start-up — only on the embedded H2 database and the loopback
 *                    ({@link StartupSafety}); {@code scripts/run.sh} runs the demo that way
 * @param issuerUri   the OIDC provider's issuer; its discovery document names the signing keys
 * @param audience    the audience every token must name ({@code aud})
 * @param rolesClaim  the claim holding the ledger roles, a dotted path for nested claims
 *                    ({@code realm_access.roles} in Keycloak); a list or a space-separated string
 * @param actorClaim  the claim naming the actor recorded with every command and read ({@code sub} by default)
 * @param tokenLifetime how long a development token is valid
 * @param verifiedTokenCache how many verified tokens are remembered until they expire, so that each is verified once
 * @param clockSkew   how far a token's {@code exp} and {@code nbf} may be off the ledger's clock and still be
 *                    honoured (default 60 s): the provider's clock and the ledger's drift apart ({@link TokenRules})
 */
@ConfigurationProperties("ledger.access")
public record AccessProperties(
        @DefaultValue("oidc") Mode mode,
        String issuerUri,
        @DefaultValue("interaction-ledger") String audience,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("sub") String actorClaim,
        @DefaultValue("PT8H") Duration tokenLifetime,
        @DefaultValue("10000") long verifiedTokenCache,
        @DefaultValue("PT60S") Duration clockSkew
) {

    public enum Mode {
        DEVELOPMENT,
        OIDC
    }

    public AccessProperties {
        if (mode == Mode.OIDC && (issuerUri == null || issuerUri.isBlank())) {
            throw new IllegalArgumentException("ledger.access.mode=oidc needs ledger.access.issuer-uri"
                    + " (LEDGER_OIDC_ISSUER): the OIDC provider whose tokens the ledger accepts");
        }
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("ledger.access.clock-skew must be zero or more");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("ledger.access.audience must name the ledger's audience");
        }
    }
}
