package com.interactionledger.deploy.access;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;

import java.util.Collection;

/** A token meant for another application is refused even when the issuer is trusted: its {@code aud} must name the ledger. */
final class Audience {

    private Audience() {
    }

    static OAuth2TokenValidator<Jwt> required(String audience) {
        return new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                audiences -> audiences != null && audiences.contains(audience));
    }
}
