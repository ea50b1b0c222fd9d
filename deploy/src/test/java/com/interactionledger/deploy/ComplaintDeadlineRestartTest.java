package com.interactionledger.deploy;

import com.interactionledger.projections.testsupport.TestPostgres;
import com.interactionledger.projections.timeline.TimelineProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A regulatory deadline that passes while the service is down is recorded once the service is back, exactly
 * once: not again after another restart, not again when the read models replay every event, and the warning
 * before the next deadline is recorded once too. Real application instances one after the other on one
 * PostgreSQL database, sharing a test clock that is moved forward across the restarts.
 */
class ComplaintDeadlineRestartTest {

    private final TestPostgres.Database database = TestPostgres.freshDatabase("deadlines");
    private final TestClock clock = new TestClock();
    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aDeadlinePassedDuringDowntimeIsRecordedOnceAfterRestartAndNeverAgain() {
        ConfigurableApplicationContext first = start();
        LedgerHttp http = http(first).as("AGENT", "complaints-handler");
        assertThat(http.post("/complaints", json("complaintId", "cmp-restart", "customerId", "restart-customer",
                "channel", "PHONE", "product", "checking", "category", "fees", "description", "Unexpected fee",
                "jurisdiction", "US_CFPB")).status()).isEqualTo(201);
        assertThat(http.post("/complaints/cmp-restart/acknowledgement", null).status()).isEqualTo(200);
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        int watchedBefore = first.getBean(com.interactionledger.command.complaint.ComplaintClockWatcher.class).watch();
        assertThat(watchedBefore).as("nothing is due on day 0").isZero();
        first.close();

        // 16 days later the 15-day CFPB response clock has run out while nothing was running.
        clock.advance(Duration.ofDays(16));
        ConfigurableApplicationContext second = start();
        JdbcTemplate store = second.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadlines(store, "ComplaintDeadlineBreached") == 1);
        assertThat(clockOf(store, "ComplaintDeadlineBreached")).isEqualTo("CFPB_RESPONSE");
        assertThat(actorOf(store, "ComplaintDeadlineBreached")).isEqualTo("complaint-clock-watcher");
        second.close();

        ConfigurableApplicationContext third = start();
        JdbcTemplate again = third.getBean(JdbcTemplate.class);
        // Several scheduled looks, then a full replay of the read models: still one breach.
        sleep(Duration.ofSeconds(2));
        StreamingEventProcessor timeline = third.getBean(EventProcessingConfiguration.class)
                .eventProcessor(TimelineProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        timeline.shutDown();
        timeline.resetTokens();
        timeline.start();
        sleep(Duration.ofSeconds(2));
        assertThat(deadlines(again, "ComplaintDeadlineBreached")).isEqualTo(1);
        assertThat(deadlines(again, "ComplaintDeadlineApproaching")).as("no warning for a clock already past").isZero();

        // Day 59: the 60-day final response clock is within the 2-day warning lead, then it runs out.
        clock.advance(Duration.ofDays(43));
        await().atMost(Duration.ofSeconds(20)).until(() -> deadlines(again, "ComplaintDeadlineApproaching") == 1);
        assertThat(clockOf(again, "ComplaintDeadlineApproaching")).isEqualTo("CFPB_FINAL_RESPONSE");
        clock.advance(Duration.ofDays(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> deadlines(again, "ComplaintDeadlineBreached") == 2);
        sleep(Duration.ofSeconds(1));
        assertThat(deadlines(again, "ComplaintDeadlineApproaching")).isEqualTo(1);
        assertThat(deadlines(again, "ComplaintDeadlineBreached")).isEqualTo(2);
        assertThat(again.queryForObject("SELECT COUNT(*) FROM complaint_clock_watch", Long.class))
                .as("nothing left to watch").isZero();
    }

    private ConfigurableApplicationContext start() {
        InteractionLedgerApplication.offline();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(InteractionLedgerApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(TestInstallation.arguments(database.url(), database.user(), database.password(),
                        "--ledger.complaints.watch-interval=PT0.2S",
                        "--ledger.complaints.watch-initial-delay=PT0S"));
        apps.add(app);
        return app;
    }

    private static LedgerHttp http(ConfigurableApplicationContext app) {
        return new LedgerHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    private static long deadlines(JdbcTemplate jdbc, String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = 'cmp-restart'"
                + " AND payloadtype LIKE ?", Long.class, "%." + type);
    }

    private static String clockOf(JdbcTemplate jdbc, String type) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'clock' FROM domainevententry"
                + " WHERE aggregateidentifier = 'cmp-restart' AND payloadtype LIKE ? ORDER BY sequencenumber DESC"
                + " LIMIT 1", String.class, "%." + type);
    }

    private static String actorOf(JdbcTemplate jdbc, String type) {
        return jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'actorId' FROM domainevententry"
                + " WHERE aggregateidentifier = 'cmp-restart' AND payloadtype LIKE ? LIMIT 1", String.class, "%." + type);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
