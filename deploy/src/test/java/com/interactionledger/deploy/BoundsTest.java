package com.interactionledger.deploy;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds of one request's work are settings, and the settings are the ones applied: here a figure's window is at
 * most 30 days, a regulator's history answer at most 8 events and a body at most 2KB (the defaults, 366 days, 10,000
 * events and 256KB, are too large to reach in a test; BadInputTest shows the default body limit). Its own
 * application context, closed after the class (its clock is moved on).
 */
@TestPropertySource(properties = {"ledger.query.max-figure-window=P30D", "ledger.regulator.max-history-events=8",
        "ledger.http.max-body=2KB"})
@DirtiesContext
class BoundsTest extends PostgresLedgerTest {

    private static final String JANUARY = "from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z";
    private static final String THIRTY_ONE_DAYS = "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";

    @Test
    void aFiguresWindowIsAtMostTheConfiguredSpan() {
        LedgerHttp analyst = http.as("ANALYST", "bounds-analyst");
        for (String figure : new String[] {"/analytics/satisfaction", "/analytics/service-efficiency",
                "/complaint-statistics", "/complaint-statistics/per-thousand-sessions"}) {
            assertThat(analyst.get(figure + "?" + JANUARY).status()).as(figure + " over 30 days").isEqualTo(200);
            LedgerHttp.Response refused = analyst.get(figure + "?" + THIRTY_ONE_DAYS);
            assertThat(refused.status()).as(figure + " over 31 days: " + refused).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("INVALID_PARAMETER");
            assertThat(refused.json().path("detail").asText()).contains("Parameter to", "30 days");
        }
        assertThat(analyst.get("/complaint-statistics/repeat-complainants?days=30").status()).isEqualTo(200);
        assertThat(analyst.get("/complaint-statistics/repeat-complainants?days=31").code())
                .isEqualTo("INVALID_PARAMETER");
        // Lists are not figures: they page, and their windows may be as long as the caller likes.
        assertThat(http.as("SUPERVISOR", "bounds-supervisor")
                .get("/risk-warnings?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z").status()).isEqualTo(200);
    }

    /** Without from and to, a figure covers the longest window up to now: a session started 31 days ago is out. */
    @Test
    void withoutAWindowAFigureCoversTheConfiguredSpanUpToNow() {
        LedgerHttp analyst = http.as("ANALYST", "bounds-analyst");
        Instant started = clock.instant();
        long position = http.post("/sessions", json("sessionId", "bounds-window-session", "customerId",
                "bounds-window-customer", "channel", "PHONE", "entryPoint", "ivr", "queue", "bounds-queue"))
                .json().path("position").asLong();
        String figure = "/analytics/service-efficiency?queue=bounds-queue&waitForPosition=" + position
                + "&waitTimeout=PT20S";
        assertThat(analyst.get(figure).data().path("overall").path("sessions").asLong()).isEqualTo(1);

        clock.advance(Duration.ofDays(31));
        assertThat(analyst.get(figure).data().path("overall").path("sessions").asLong())
                .as("31 days later, the default window has left it behind").isZero();
        assertThat(analyst.get(figure + "&from=" + started.minusSeconds(60)).data().path("overall").path("sessions")
                .asLong()).as("a window from before it").isEqualTo(1);
    }

    /**
     * A history answer is built in memory: one larger than the setting is refused whole (never cut short), and the
     * refusal records no read. As of an earlier instant, the same customer's shorter history is served.
     */
    @Test
    void aHistoryOfMoreEventsThanOneAnswerCarriesIsRefusedWhole() throws InterruptedException {
        LedgerHttp regulator = http.as("REGULATOR", "bounds-examiner");
        accepted(http.post("/sessions", json("sessionId", "bounds-history", "customerId", "bounds-history-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")));
        customerMessages("bounds-history", 0, 3);
        Instant fourEvents = recordedTimeBetweenSteps();
        LedgerHttp.Response small = regulator.get("/regulator/customers/bounds-history-customer/history");
        assertThat(small.status()).as(small.toString()).isEqualTo(200);
        assertThat(small.data().path("events")).hasSize(4);
        customerMessages("bounds-history", 3, 8);
        long events = customerEvents();

        LedgerHttp.Response refused = regulator.get("/regulator/customers/bounds-history-customer/history");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("HISTORY_TOO_LARGE");
        assertThat(refused.json().path("detail").asText()).contains("more than 8 events");
        assertThat(customerEvents()).as("a refused history records no read").isEqualTo(events);

        LedgerHttp.Response earlier = regulator.get("/regulator/customers/bounds-history-customer/history?asOf="
                + fourEvents);
        assertThat(earlier.status()).as(earlier.toString()).isEqualTo(200);
        assertThat(earlier.data().path("events")).hasSize(4);
    }

    @Test
    void theBodyLimitIsTheConfiguredOne() {
        String session = "bounds-body-session";
        accepted(http.post("/sessions", json("sessionId", session, "customerId", "bounds-body-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")));
        String messages = "/sessions/" + session + "/messages";
        assertThat(gateway().post(messages, json("authorRole", "CUSTOMER", "text", "x".repeat(1500))).status())
                .isEqualTo(200);
        LedgerHttp.Response refused = gateway().post(messages, json("authorRole", "CUSTOMER", "text",
                "x".repeat(2100)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(eventsOf(session)).isEqualTo(2);
    }

    /** The customer's messages {@code from} to {@code to} (excluded), through the channel's gateway. */
    private void customerMessages(String session, int from, int to) {
        for (int i = from; i < to; i++) {
            accepted(gateway().post("/sessions/" + session + "/messages", json("authorRole", "CUSTOMER", "text",
                    "message " + i)));
        }
    }

    private long customerEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_customer_event WHERE customer_id = ?", Long.class,
                "bounds-history-customer");
    }
}
