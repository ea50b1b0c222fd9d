package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.projections.timeline.TimelineProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every read answer says how fresh it is, in headers and in its body, and a caller can wait for the position a
 * command answered (read-your-writes), or get a clean 504 when the read model does not get there in time.
 */
// Four segments per read model (the default is one), so that the freshness of segments with nothing to do is tested.
@TestPropertySource(properties = {
        "axon.eventhandling.processors.timeline.initial-segment-count=4",
        "axon.eventhandling.processors.complaints.initial-segment-count=4",
        "axon.eventhandling.processors.risk-warnings.initial-segment-count=4",
        "axon.eventhandling.processors.audit.initial-segment-count=4",
        "axon.eventhandling.processors.service-analytics.initial-segment-count=4",
        "axon.eventhandling.processors.privacy.initial-segment-count=4"})
class FreshnessTest extends PostgresLedgerTest {

    /** Freshness works alike on every read model: one reader holding the roles that read them all. */
    @BeforeEach
    void readerOfEveryReadModel() {
        http = http.as("SUPERVISOR,REGULATOR", "freshness-reader");
    }

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void answersCarryTheirFreshnessInHeadersAndBody() {
        LedgerHttp.Response answer = http.get("/customers/nobody-yet/timeline");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode freshness = answer.json().path("freshness");
        assertThat(freshness.path("readModel").asText()).isEqualTo("timeline");
        assertThat(answer.header("X-Ledger-Read-Model")).isEqualTo("timeline");
        assertThat(answer.header("X-Ledger-Position")).isEqualTo(freshness.path("position").asText());
        assertThat(answer.header("X-Ledger-Head-Position")).isEqualTo(freshness.path("headPosition").asText());
        assertThat(answer.header("X-Ledger-Lag-Events")).isEqualTo(freshness.path("lagEvents").asText());
        assertThat(freshness.path("headPosition").asLong()).isGreaterThanOrEqualTo(freshness.path("position").asLong());
        assertThat(http.get("/complaint-statistics").json().path("freshness").path("readModel").asText())
                .isEqualTo("complaints");
        assertThat(http.get("/risk-warnings").json().path("freshness").path("readModel").asText())
                .isEqualTo("risk-warnings");
    }

    @Test
    void aReadCanWaitForTheCommandItFollowsAndTheFreshnessMovesWithTheLedger() {
        LedgerHttp.Response started = http.post("/sessions", json("sessionId", "fresh-session",
                "customerId", "fresh-customer", "channel", "EMAIL", "entryPoint", "mailbox"));
        long position = started.json().path("position").asLong();
        assertThat(started.header("X-Ledger-Position")).isEqualTo(Long.toString(position));
        assertThat(started.json().path("events").get(0).path("position").asLong()).isEqualTo(position);

        LedgerHttp.Response read = http.get("/customers/fresh-customer/timeline?waitForPosition=" + position);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("freshness").path("position").asLong()).isGreaterThanOrEqualTo(position);
        assertThat(read.data().path("sessions")).hasSize(1);

        LedgerHttp.Response message = gateway().post("/sessions/fresh-session/messages", json("authorRole", "CUSTOMER",
                "text", "second event"));
        long later = message.json().path("position").asLong();
        assertThat(later).isGreaterThan(position);
        JsonNode detail = http.get("/sessions/fresh-session?waitForPosition=" + later).data();
        assertThat(detail.path("messageCount").asInt()).isEqualTo(1);
    }

    @Test
    void segmentsWithNothingToDoDoNotHoldTheFreshnessBack() {
        // One event lands in one of a read model's four segments; the other three only store their token when they
        // extend their claim, every 5 s. Freshness must not wait for that: a 2 s wait has to be enough, for every
        // read model, every time.
        for (int round = 0; round < 3; round++) {
            long position = http.post("/sessions", json("sessionId", "idle-segments-" + round, "customerId",
                    "idle-segments-customer", "channel", "SMS", "entryPoint", "sms")).json().path("position").asLong();
            for (String read : new String[] {"/customers/idle-segments-customer/timeline", "/complaint-statistics",
                    "/risk-warnings", "/audit/commands", "/analytics/service-efficiency"}) {
                LedgerHttp.Response answer = http.get(read + "?waitForPosition=" + position + "&waitTimeout=PT2S");
                assertThat(answer.status()).as(read + " reaches " + position + " within 2 s").isEqualTo(200);
            }
        }
    }

    @Test
    void lagIsMeasuredWhileTheReadModelIsBehind() {
        StreamingEventProcessor timeline = processing.eventProcessor(TimelineProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        timeline.shutDown();
        long last;
        try {
            long position = http.post("/sessions", json("sessionId", "lagging-session", "customerId",
                    "lagging-customer", "channel", "PHONE", "entryPoint", "ivr")).json().path("position").asLong();
            last = gateway().post("/sessions/lagging-session/messages", json("authorRole", "CUSTOMER", "text",
                    "still there?")).json().path("position").asLong();
            JsonNode behind = http.get("/customers/lagging-customer/timeline").json().path("freshness");
            assertThat(behind.path("lagEvents").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(behind.path("position").asLong()).isLessThan(position);
            assertThat(behind.path("lagSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        } finally {
            timeline.start();
        }
        // Caught up again. (Every read of personal data is itself a ledger event, so the head keeps moving while
        // we read: "caught up" is measured against the command's position, which is what read-your-writes needs.)
        LedgerHttp.Response caughtUp = http.get("/customers/lagging-customer/timeline?waitForPosition=" + last
                + "&waitTimeout=PT20S");
        assertThat(caughtUp.status()).isEqualTo(200);
        assertThat(caughtUp.json().path("freshness").path("position").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(caughtUp.data().path("sessions").get(0).path("messageCount").asInt()).isEqualTo(1);
    }

    @Test
    void waitingForAPositionTheReadModelDoesNotReachTimesOutCleanly() {
        StreamingEventProcessor timeline = processing.eventProcessor(TimelineProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        timeline.shutDown();
        LedgerHttp.Response timedOut;
        long position;
        Duration waited;
        try {
            // Written, so it can be waited for; but the timeline is stopped, so it is not reached.
            position = http.post("/sessions", json("sessionId", "unreached-session", "customerId",
                    "unreached-customer", "channel", "PHONE", "entryPoint", "ivr")).json().path("position").asLong();
            Instant start = Instant.now();
            timedOut = http.get("/customers/nobody/timeline?waitForPosition=" + position + "&waitTimeout=PT0.5S");
            waited = Duration.between(start, Instant.now());
        } finally {
            timeline.start();
        }
        assertThat(timedOut.status()).as(timedOut.toString()).isEqualTo(504);
        assertThat(timedOut.code()).isEqualTo("READ_MODEL_BEHIND");
        assertThat(timedOut.json().path("detail").asText()).contains("not " + position);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(10));

        assertThat(http.get("/customers/nobody/timeline?waitForPosition=1&waitTimeout=PT1M").code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(http.get("/customers/nobody/timeline?waitForPosition=soon").code()).isEqualTo("INVALID_PARAMETER");
    }

    /**
     * A position nobody has written cannot be waited for: refused at once, not after the timeout. Positions are 64
     * bits: one past the largest {@code int} is read as the position it is (and refused for being beyond the head,
     * not for its size), and only what no {@code long} holds is not a position at all.
     */
    @Test
    void waitingForAPositionBeyondTheHeadIsRefusedAtOnce() {
        long head = http.get("/risk-warnings").json().path("freshness").path("headPosition").asLong();
        // (A wait that ran out would be a 504: the 400 is the refusal before any wait.)
        LedgerHttp.Response beyond = http.get("/customers/nobody/timeline?waitForPosition=" + (head + 1000)
                + "&waitTimeout=PT30S");
        assertThat(beyond.status()).as(beyond.toString()).isEqualTo(400);
        assertThat(beyond.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(beyond.json().path("detail").asText()).contains("waitForPosition", "beyond the ledger's head");

        long pastInt = Integer.MAX_VALUE + 1L;
        LedgerHttp.Response large = http.get("/customers/nobody/timeline?waitForPosition=" + pastInt);
        assertThat(large.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(large.json().path("detail").asText()).contains("beyond the ledger's head")
                .contains(Long.toString(pastInt));
        assertThat(http.get("/customers/nobody/timeline?waitForPosition=" + Long.MAX_VALUE + "0").json()
                .path("detail").asText()).contains("whole number");
        assertThat(http.get("/customers/nobody/timeline?waitForPosition=" + head + "&waitTimeout=PT20S").status())
                .as("the head itself has been written").isEqualTo(200);
    }
}
