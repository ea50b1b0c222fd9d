package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests refused for who sent them — 401, 403, 451 — are on the audit trail with who (when a token was
 * verified), what and why, counted: one record per caller, endpoint and code per minute, however many requests.
 */
class RefusalAuditTest extends PostgresLedgerTest {

    @Test
    void everyRefusalIsCountedOnTheTrailOncePerCallerEndpointCodeAndMinute() {
        accepted(bot().post("/sessions", json("sessionId", "refused-chat", "customerId", "refused-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")));
        accepted(http.as("ADMIN", "privacy-admin").post("/privacy/customers/refused-customer/restriction",
                json("legalBasis", "GDPR Art. 18(1)(a): accuracy contested")));
        Instant minute = startOfNextMinute();

        for (int i = 0; i < 3; i++) {
            assertThat(http.anonymous().get("/sessions/refused-chat").status()).isEqualTo(401);
        }
        assertThat(http.withToken("not-a-token").get("/sessions/refused-chat").status()).isEqualTo(401);
        assertThat(http.anonymous().get("/no-such-endpoint/refused-customer").status()).isEqualTo(401);
        LedgerHttp analyst = http.as("ANALYST", "refused-analyst");
        assertThat(analyst.get("/sessions/refused-chat").code()).isEqualTo("FORBIDDEN");
        assertThat(analyst.get("/sessions/other-chat").code()).isEqualTo("FORBIDDEN");
        assertThat(http.as("SYSTEM", "knowledge-base").post("/sessions", json("sessionId", "refused-2",
                "customerId", "refused-customer", "channel", "WEB_CHAT", "entryPoint", "web")).code())
                .isEqualTo("FORBIDDEN");
        assertThat(http.as("AGENT", "refused-agent").get("/customers/refused-customer/timeline").status())
                .isEqualTo(451);
        // An error that is not about the caller is not an access refusal, and not counted.
        assertThat(http.as("AGENT", "refused-agent").get("/sessions/no-such-chat").code())
                .isEqualTo("SESSION_NOT_FOUND");

        clock.advance(Duration.ofMinutes(1));
        String window = "?from=" + minute + "&to=" + minute.plus(1, ChronoUnit.MINUTES);
        LedgerHttp regulator = http.as("REGULATOR", "refusal-examiner");
        List<String> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            records.clear();
            regulator.get("/audit/refusals" + window).data().path("records").forEach(record -> records.add(
                    record.path("actorId").asText("-") + " " + record.path("actorRole").asText("-") + " "
                            + record.path("endpoint").asText() + " " + record.path("errorCode").asText() + " "
                            + record.path("count").asLong()));
            return records.size() >= 5;
        });
        assertThat(records).containsExactlyInAnyOrder(
                "- - GET /sessions/{sessionId} UNAUTHENTICATED 4",
                "- - GET ? UNAUTHENTICATED 1",
                "refused-analyst - GET /sessions/{sessionId} FORBIDDEN 2",
                "knowledge-base - POST /sessions FORBIDDEN 1",
                "refused-agent AGENT GET /customers/{customerId}/timeline CUSTOMER_RESTRICTED 1");
    }

    /** Moves the edge's clock to the start of the next minute, so that this test's refusals share one. */
    private Instant startOfNextMinute() {
        Instant now = clock.instant();
        Instant next = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        clock.advance(Duration.between(now, next));
        return next;
    }
}
