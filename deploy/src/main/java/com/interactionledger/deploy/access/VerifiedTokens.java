package com.interactionledger.deploy.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Bearer tokens verified once and then remembered until they expire, so that a client sending the same token with
 * every request pays the signature check (RSA, the claims) once, not per request. Keyed by the token's SHA-256; at
 * most {@code capacity} tokens are remembered (the least useful forgotten first, and verified again when seen).
 * A token that fails verification (a token without an expiry does: {@link TokenRules}) is never remembered. A token
 * past its expiry but within the clock skew is verified again each time, until the verifier refuses it.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, Clock clock, long capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(capacity).expireAfter(new Expiry<String, Jwt>() {
            @Override
            public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
                return Math.max(0, Duration.between(clock.instant(), jwt.getExpiresAt()).toNanos());
            }

            @Override
            public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }

            @Override
            public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
        Jwt known = verified.getIfPresent(key);
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            verified.put(key, jwt);
        }
        return jwt;
    }

    /** How many tokens are remembered now (after pending expiries). */
    long remembered() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** One digest per thread: looking the algorithm up costs more than hashing a token. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private static String sha256(String token) {
        return HexFormat.of().formatHex(SHA_256.get().digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
