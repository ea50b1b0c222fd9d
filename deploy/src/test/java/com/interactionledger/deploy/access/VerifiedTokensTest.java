package com.interactionledger.deploy.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Verified tokens are remembered until they expire; nothing unverified is ever remembered. */
class VerifiedTokensTest {

    private final DevelopmentIssuer issuer = new DevelopmentIssuer(new AccessProperties(
            AccessProperties.Mode.DEVELOPMENT, null, "interaction-ledger", "roles", "sub", Duration.ofMinutes(10),
            100, Duration.ofSeconds(60)));
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder counted = token -> {
        verifications.incrementAndGet();
        return issuer.decoder().decode(token);
    };

    @Test
    void aTokenIsVerifiedOnceWhileItIsValidAndAgainOnceItHasExpired() {
        MovableClock clock = new MovableClock(Instant.now());
        VerifiedTokens tokens = new VerifiedTokens(counted, clock, 100);
        String token = issuer.issue("agent-1", List.of("AGENT"));

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
        assertThat(tokens.decode(issuer.issue("agent-2", List.of("AGENT"))).getSubject()).isEqualTo("agent-2");
        assertThat(verifications).as("another token is verified on its own").hasValue(2);

        clock.now = first.getExpiresAt();
        tokens.decode(token);
        assertThat(verifications).as("at its expiry the token is verified again (the verifier judges it)")
                .hasValue(3);
    }

    @Test
    void aTokenThatFailsVerificationIsNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(counted, Clock.systemUTC(), 100);
        String token = issuer.issue("agent-1", List.of("AGENT"));
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(
                token.lastIndexOf('.') + 5);
        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowable(() -> tokens.decode(forged))).isInstanceOf(JwtException.class);
        }
        assertThat(verifications).hasValue(3);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void atMostTheConfiguredNumberOfTokensIsRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(counted, Clock.systemUTC(), 10);
        for (int i = 0; i < 50; i++) {
            tokens.decode(issuer.issue("agent-" + i, List.of("AGENT")));
        }
        assertThat(tokens.remembered()).isLessThanOrEqualTo(10);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
