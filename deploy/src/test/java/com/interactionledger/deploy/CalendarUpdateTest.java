package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.interactionledger.command.complaint.ComplaintClockRecomputer;
import com.interactionledger.projections.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mainland China calendar runs out, end to end, on PostgreSQL: a complaint received on Thursday 2026-12-17 (10:00
 * Shanghai) has 15 days to Friday 2027-01-01, a day the shipped calendar (to 2026-12-31) does not know, so its
 * clock is provisional, the health warns about the calendar, and restarting with the same calendar changes
 * nothing. The service is then started with a calendar that covers 2027: the complaint's clock is recomputed by the
 * service itself, as a new event naming that calendar, with the earlier event left as it was; the watch table, the
 * read model and the health follow, and another restart records nothing more.
 * <p>
 * The 2027 calendar is TEST DATA written by this test (the shipped days plus New Year's Day 2027, which the national
 * holidays regulation fixes every year), not the State Council's 2027 notice, which the ledger does not ship.
 */
class CalendarUpdateTest {

    private static final String COMPLAINT = "cmp-calendar";
    private static final Instant RECEIVED = Instant.parse("2026-12-17T02:00:00Z");

    private final TestPostgres.Database database = TestPostgres.freshDatabase("calendars");
    private final TestClock clock = new TestClock();
    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

    @TempDir
    Path calendars;

    @AfterEach
    void stop() {
        apps.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aCalendarThatCoversFurtherRecomputesAProvisionalDeadlineAsANewEventNamingItAndKeepsTheOldOne()
            throws Exception {
        clock.advance(Duration.between(TestClock.START, RECEIVED));
        ConfigurableApplicationContext shipped = start();
        LedgerHttp http = http(shipped);
        LedgerHttp.Response lodged = http.as("AGENT", "complaints-handler").post("/complaints", json(
                "complaintId", COMPLAINT, "customerId", "calendar-customer", "channel", "SOCIAL", "product",
                "debit_card", "category", "blocked_transfer", "description", "转账被拦截", "jurisdiction", "CN_NFRA"));
        assertThat(lodged.status()).as(lodged.toString()).isEqualTo(201);
        JdbcTemplate store = shipped.getBean(JdbcTemplate.class);

        JsonNode first = clocksSets(store).get(0);
        JsonNode provisional = first.path("clocks").get(0);
        assertThat(provisional.path("dueDate").asText()).isEqualTo("2027-01-01");
        assertThat(provisional.path("provisional").asBoolean()).isTrue();
        assertThat(provisional.path("basis").asText()).contains("PROVISIONAL", "covers 2025-01-01 to 2026-12-31");
        assertThat(first.path("calendar").path("version").asText()).isEqualTo("2026.1");
        assertThat(first.path("calendar").path("coveredUntil").asText()).isEqualTo("2026-12-31");
        assertThat(store.queryForObject("SELECT calendar_covered_until FROM complaint_provisional_clocks"
                + " WHERE complaint_id = ?", String.class, COMPLAINT)).isEqualTo("2026-12-31");
        JsonNode clockView = awaitClock(http);
        assertThat(clockView.path("provisional").asBoolean()).isTrue();

        JsonNode health = http.get("/actuator/health").json();
        assertThat(health.path("status").asText()).isEqualTo("WARNING");
        assertThat(health.path("components").path("calendars").path("components").path("CN_NFRA").path("status")
                .asText()).isEqualTo("WARNING");
        assertThat(health.path("components").path("calendars").path("components").path("UK_FCA").path("status")
                .asText()).isEqualTo("UP");
        assertThat(http.get("/actuator/health").status()).as("a warning is not an outage").isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").json().path("status").asText()).isEqualTo("UP");

        // The same calendar covers no further: nothing to recompute, however often it looks.
        assertThat(recomputeOnce(shipped)).isZero();
        assertThat(clocksSets(store)).hasSize(1);
        shipped.close();

        // The operator configures a calendar covering 2027 and restarts; a few days have passed.
        clock.advance(Duration.ofDays(3));
        Path china2027 = china2027();
        ConfigurableApplicationContext updated = start("--ledger.complaints.calendar.CN_NFRA=file:" + china2027);
        JdbcTemplate again = updated.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> clocksSets(again).size() == 2);

        List<JsonNode> sets = clocksSets(again);
        assertThat(sets.get(0)).as("the provisional clocks stay on the ledger as they were").isEqualTo(first);
        JsonNode recomputed = sets.get(1);
        JsonNode due = recomputed.path("clocks").get(0);
        // 1 January is a holiday in the new calendar and 2-3 January the weekend: Monday 4 January 2027.
        assertThat(due.path("dueDate").asText()).isEqualTo("2027-01-04");
        assertThat(due.path("dueAt").asText()).isEqualTo("2027-01-04T16:00:00Z");
        assertThat(due.path("provisional").asBoolean()).isFalse();
        assertThat(due.path("basis").asText()).contains("last day 2027-01-01 is a rest day").doesNotContain("PROVISIONAL");
        assertThat(recomputed.path("calendar").path("name").asText()).isEqualTo("Mainland China");
        assertThat(recomputed.path("calendar").path("version").asText()).isEqualTo("test-2027");
        assertThat(recomputed.path("calendar").path("coveredUntil").asText()).isEqualTo("2027-12-31");
        assertThat(recomputed.path("calendar").path("digest").asText()).startsWith("sha256:")
                .isNotEqualTo(first.path("calendar").path("digest").asText());
        assertThat(metadataOfLastClocksSet(again).path("actorId").asText())
                .as("the service recorded it, as itself").isEqualTo("complaint-calendar-update");
        assertThat(metadataOfLastClocksSet(again).path("actorRole").asText()).isEqualTo("SYSTEM");

        assertThat(again.queryForObject("SELECT COUNT(*) FROM complaint_provisional_clocks", Long.class)).isZero();
        assertThat(again.queryForObject("SELECT due_at FROM complaint_clock_watch WHERE complaint_id = ?",
                Timestamp.class, COMPLAINT).toInstant()).isEqualTo(Instant.parse("2027-01-04T16:00:00Z"));
        LedgerHttp httpAgain = http(updated);
        await().atMost(Duration.ofSeconds(30)).until(() -> !awaitClock(httpAgain).path("provisional").asBoolean());
        assertThat(awaitClock(httpAgain).path("dueDate").asText()).isEqualTo("2027-01-04");
        assertThat(httpAgain.get("/actuator/health").json().path("components").path("calendars").path("components")
                .path("CN_NFRA").path("status").asText()).isEqualTo("UP");
        updated.close();

        // Once recomputed, another start with the same calendar records nothing more.
        ConfigurableApplicationContext third = start("--ledger.complaints.calendar.CN_NFRA=file:" + china2027);
        assertThat(recomputeOnce(third)).isZero();
        assertThat(clocksSets(third.getBean(JdbcTemplate.class))).hasSize(2);
    }

    /** One look of the service's own recomputer, as its schedule runs it; how many complaints recorded clocks. */
    private static int recomputeOnce(ConfigurableApplicationContext app) {
        return app.getBean(ComplaintClockRecomputer.class).recompute();
    }

    private ConfigurableApplicationContext start(String... more) {
        InteractionLedgerApplication.offline();
        List<String> settings = new ArrayList<>(List.of("--ledger.complaints.recompute-interval=PT0.2S",
                "--ledger.complaints.recompute-initial-delay=PT0S"));
        settings.addAll(List.of(more));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(InteractionLedgerApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(TestInstallation.arguments(database.url(), database.user(), database.password(),
                        settings.toArray(String[]::new)));
        apps.add(app);
        return app;
    }

    /** TEST DATA: the shipped China calendar with New Year's Day 2027, said to cover all of 2027. */
    private Path china2027() throws Exception {
        ObjectNode calendar;
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream("calendars/mainland-china.json")) {
            calendar = (ObjectNode) LedgerHttp.JSON.readTree(shipped);
        }
        calendar.put("version", "test-2027");
        calendar.put("source", "TEST DATA of CalendarUpdateTest: the shipped calendar and New Year's Day 2027");
        calendar.put("coveredUntil", "2027-12-31");
        ((ArrayNode) calendar.path("holidays")).add("2027-01-01");
        Path file = calendars.resolve("mainland-china-2027.json");
        Files.writeString(file, LedgerHttp.JSON.writeValueAsString(calendar));
        return file;
    }

    private static LedgerHttp http(ConfigurableApplicationContext app) {
        return new LedgerHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    /** The complaint's NFRA clock as the read model shows it, once the read model has the complaint. */
    private static JsonNode awaitClock(LedgerHttp http) {
        LedgerHttp reader = http.as("SUPERVISOR", "calendar-reader");
        await().atMost(Duration.ofSeconds(30)).until(() -> reader.get("/complaints/" + COMPLAINT).status() == 200);
        return reader.get("/complaints/" + COMPLAINT).data().path("clocks").get(0);
    }

    private static List<JsonNode> clocksSets(JdbcTemplate jdbc) {
        return jdbc.query("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?"
                + " AND payloadtype LIKE '%.ComplaintClocksSet' ORDER BY sequencenumber", (rs, row) -> {
            try {
                ObjectNode set = (ObjectNode) LedgerHttp.JSON.readTree(rs.getString(1));
                set.remove("reason"); // sealed with the customer's key: its ciphertext is not what is compared here
                return set;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, COMPLAINT);
    }

    private static JsonNode metadataOfLastClocksSet(JdbcTemplate jdbc) throws Exception {
        return LedgerHttp.JSON.readTree(jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM"
                + " domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%.ComplaintClocksSet'"
                + " ORDER BY sequencenumber DESC LIMIT 1", String.class, COMPLAINT));
    }
}
