package com.interactionledger.deploy.access;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a bearer token must be, beyond its signature, whoever issued it (the OIDC provider or the development
 * issuer): from the trusted issuer, for the ledger ({@link Audience}), an access token, and still valid.
 * <ul>
 *   <li>{@code exp} is required: a token that never expires could never be taken back, and Spring's timestamp
 *       check lets a token without one through.</li>
 *   <li>{@code exp} and {@code nbf} are judged with {@code ledger.access.clock-skew} of tolerance (default 60 s),
 *       for the drift between the provider's clock and the ledger's.</li>
 *   <li>The header's {@code typ}, where the provider sets one, is {@code JWT} or {@code at+jwt} (RFC 9068's access
 *       token): a JWT typed as anything else (an ID token, a logout token, a DPoP proof) is not a credential for an
 *       API, even when signed by the trusted issuer. No {@code typ} is accepted: many providers set none.</li>
 * </ul>
 * The type is checked here, in Spring's validator, and not by Nimbus (the decoders are built with
 * {@code validateType(false)}): Nimbus by default admits only {@code JWT}, which refuses RFC 9068 access tokens,
 * and Spring Security 7 moves the check here too.
 */
final class TokenRules {

    /** The header types of an access token, compared ignoring case as RFC 7515 wants. */
    static final List<String> ACCESS_TOKEN_TYPES = List.of("JWT", "at+jwt");

    private TokenRules() {
    }

    static OAuth2TokenValidator<Jwt> of(String issuer, String audience, Duration clockSkew) {
        JwtTypeValidator types = new JwtTypeValidator(ACCESS_TOKEN_TYPES);
        types.setAllowEmpty(true);
        // createDefaultWithValidators keeps a timestamp validator given to it (ours, with the configured skew)
        // instead of adding its own of 60 s.
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtTimestampValidator(clockSkew),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(issuer),
                types,
                Audience.required(audience)));
    }
}
