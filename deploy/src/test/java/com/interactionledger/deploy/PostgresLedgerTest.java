package com.interactionledger.deploy;

import com.interactionledger.deploy.identity.LocalIdentityProvider;
import com.interactionledger.projections.status.ProjectionStatuses;
import com.interactionledger.projections.testsupport.PostgresDatabaseInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application (command side, projections, query side) on a real PostgreSQL database of its own,
 * reached over real HTTP. Test classes extending this share one application context; each test uses its own
 * customer and session ids, so assertions count only their own events. The edge's clock is a {@link TestClock}.
 * It runs as production does ({@link TestInstallation}): tokens from an OIDC provider, keys of its own.
 */
@SpringBootTest(classes = InteractionLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.privacy.master-keys=" + TestInstallation.MASTER_KEYS,
                "ledger.analytics.pseudonym-key=" + TestInstallation.PSEUDONYM_KEY,
                // refusals of a closed minute recorded soon, not after production's 10 s (RefusalAuditTest)
                "ledger.access.refusal-audit.flush-interval=PT0.5S",
                // a jurisdiction with a period of its own (RetentionJobTest)
                "ledger.privacy.retention.complaints-by-jurisdiction.US_CFPB=P3Y"})
@ContextConfiguration(initializers = PostgresDatabaseInitializer.class)
@Import(PostgresLedgerTest.TestClockConfiguration.class)
abstract class PostgresLedgerTest {

    static final String RETIRED_MASTER_KEY = TestInstallation.RETIRED_MASTER_KEY;

    /** Tokens from the local OIDC provider, as production takes them from the bank's; the tests' machines. */
    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry properties) {
        properties.add("ledger.access.mode", () -> "oidc");
        properties.add("ledger.access.issuer-uri", () -> LocalIdentityProvider.shared().issuer());
        TestInstallation.machines().forEach(setting -> {
            String[] nameAndValue = setting.split("=", 2);
            properties.add(nameAndValue[0], () -> nameAndValue[1]);
        });
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {
        @Bean
        TestClock clock() {
            return new TestClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp(port);
    }

    /** The machine identity that carries customers' messages on every channel ({@link TestInstallation#GATEWAY}). */
    LedgerHttp gateway() {
        return http.as("SYSTEM", TestInstallation.GATEWAY);
    }

    /** The machine identity that speaks as a bot on every channel ({@link TestInstallation#BOT}). */
    LedgerHttp bot() {
        return http.as("SYSTEM", TestInstallation.BOT);
    }

    /**
     * Erases a customer as erasure is done: one administrator asks, another approves; returns the approval's answer.
     */
    LedgerHttp.Response erase(String customerId, String legalBasis) {
        accepted(http.as("ADMIN", "erasure-requester").post("/privacy/customers/" + customerId + "/erasure",
                json("legalBasis", legalBasis)));
        return http.as("ADMIN", "erasure-approver").post("/privacy/customers/" + customerId + "/erasure/approval",
                null);
    }

    /** Waits until every read model has applied everything in the store and none is replaying. */
    void awaitReadModelsCaughtUp() {
        LedgerHttp admin = http.as("ADMIN", "read-model-watch");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Boolean> caughtUp = new ArrayList<>();
            admin.get("/projections").data().forEach(status -> caughtUp.add(status.path("lagEvents").asLong() == 0
                    && !status.path("replaying").asBoolean()));
            return caughtUp.size() == ProjectionStatuses.READ_MODELS.size() && !caughtUp.contains(false);
        });
    }

    static final List<String> READ_MODEL_TABLES = List.of("timeline_session", "timeline_entry",
            "complaint_summary", "complaint_clock", "complaint_session_index", "risk_warning", "risk_complaint",
            "risk_session", "audit_command", "audit_command_event", "audit_read", "analytics_session",
            "privacy_customer", "privacy_legal_hold", "bot_quality_session", "bot_quality_answer",
            "bot_quality_article");

    /** Every row of every read model, each as text, sorted: equal maps are equal read models. */
    Map<String, List<String>> readModelRows() {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : READ_MODEL_TABLES) {
            List<String> tableRows = new ArrayList<>();
            jdbc.queryForList("SELECT * FROM " + table).forEach(row -> tableRows.add(new TreeMap<>(row).toString()));
            tableRows.sort(String::compareTo);
            rows.put(table, tableRows);
        }
        return rows;
    }

    /** Events stored for a session, straight from the event table. */
    long eventsOf(String sessionId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                sessionId);
    }

    List<String> eventTypesOf(String sessionId) {
        return jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?"
                        + " ORDER BY sequencenumber", String.class, sessionId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    /**
     * Events of sessions and complaints: the business record. (A refused command leaves a CommandRefused record
     * and a read of personal data a PersonalDataRead: the audit trail, not the business record.)
     */
    long businessEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE type IN ('InteractionSession',"
                + " 'Complaint')", Long.class);
    }

    /**
     * An instant on the ledger's recorded time between two steps of a journey: the time the command side stamps on
     * each event it stores (the system clock, not the edge's {@link TestClock}, which only dates the facts in the
     * payloads). The pauses keep the events before and after it on either side of the instant.
     */
    static Instant recordedTimeBetweenSteps() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }

    /** The command was accepted: 200, or 201 for one that created a session or complaint. */
    static void accepted(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    /** Waits until the timeline has applied the session's latest event (projections are asynchronous). */
    void awaitTimelineVersion(String sessionId, long version) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Long> versions = jdbc.queryForList("SELECT version FROM timeline_session WHERE session_id = ?",
                    Long.class, sessionId);
            return !versions.isEmpty() && versions.get(0) >= version;
        });
    }
}
