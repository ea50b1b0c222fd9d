package com.interactionledger.deploy.access;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The embedded development issuer: signs tokens for any actor and any roles with an RSA key made when the
 * application starts (so its tokens die with the process), and is the only issuer the application then trusts.
 * It exists so a newcomer can try every role with one command; it must never run where real data is (the
 * {@code postgres} profile switches to {@code oidc}). Tokens live in wall-clock time, like any provider's.
 */
public final class DevelopmentIssuer {

    public static final String ISSUER = "urn:interaction-ledger:development-issuer";

    private final AccessProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final RSAKey key;
    private final NimbusJwtEncoder encoder;

    DevelopmentIssuer(AccessProperties properties) {
        this.properties = properties;
        KeyPair pair = rsaKeyPair();
        this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    /** A signed token for this actor holding these roles (names of {@code AccessRole}). */
    public String issue(String actor, Collection<String> roles) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(properties.audience()))
                .subject(actor)
                .claim(properties.actorClaim(), actor)
                .claim(properties.rolesClaim(), List.copyOf(roles))
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenLifetime()))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    long lifetimeSeconds() {
        return properties.tokenLifetime().toSeconds();
    }

    /** Verifies this issuer's tokens as the provider's are ({@link TokenRules}): signature, issuer, audience, type, expiry. */
    JwtDecoder decoder() {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).validateType(false)
                    .build();
            decoder.setJwtValidator(TokenRules.of(ISSUER, properties.audience(), properties.clockSkew()));
            return decoder;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("The development key cannot be read back", e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }
}
