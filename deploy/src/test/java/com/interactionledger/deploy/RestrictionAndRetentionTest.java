package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.projections.support.Pseudonyms;
import com.interactionledger.projections.privacy.PrivacyProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restriction (GDPR Art. 18, PIPL Art. 47): a restricted customer's data stays stored but leaves the agents' views
 * (451 CUSTOMER_RESTRICTED) and the analysts' figures, and only a regulator still sees it; lifting the restriction
 * brings it back. Retention: the report lists the customers all of whose records are past their periods, with the
 * holds that keep some of them, and never an erased customer. A restriction holds from the moment its command is
 * answered, on every instance, even while the privacy read model knows nothing of it yet.
 */
class RestrictionAndRetentionTest extends PostgresLedgerTest {

    private static final String RESTRICTION_BASIS = json("legalBasis", "GDPR Art. 18(1)(a): accuracy contested");

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Environment environment;

    @Test
    void aRestrictedCustomerIsHiddenFromAgentsAndAnalyticsAndShownToRegulators() {
        String customer = "restricted-customer";
        LedgerHttp admin = http.as("ADMIN", "privacy-admin");
        LedgerHttp agent = http.as("AGENT", "restriction-agent");
        LedgerHttp supervisor = http.as("SUPERVISOR", "restriction-lead");
        LedgerHttp analyst = http.as("ANALYST", "restriction-analyst");
        chatHandedTo(customer, "restricted-chat", "restricted-queue");
        chatHandedTo("unrestricted-neighbour", "neighbour-chat", "restricted-queue");
        for (String complaint : List.of("restricted-c1", "restricted-c2")) {
            accepted(agent.post("/complaints", json("complaintId", complaint, "customerId", customer,
                    "sessions", new String[] {"restricted-chat"}, "channel", "WEB_CHAT", "product", "restricted_product",
                    "category", "fees", "description", "Charged twice", "jurisdiction", "UK_FCA")));
        }
        awaitReadModelsCaughtUp();
        assertVisible(customer, agent, supervisor, analyst);

        accepted(admin.post("/privacy/customers/" + customer + "/restriction", RESTRICTION_BASIS));
        awaitReadModelsCaughtUp();

        for (String read : List.of("/customers/" + customer + "/timeline", "/sessions/restricted-chat",
                "/complaints/restricted-c1", "/customers/" + customer + "/risk-warnings")) {
            for (LedgerHttp reader : List.of(agent, supervisor)) {
                LedgerHttp.Response refused = reader.get(read);
                assertThat(refused.status()).as(read + " " + refused).isEqualTo(451);
                assertThat(refused.code()).isEqualTo("CUSTOMER_RESTRICTED");
            }
        }
        assertThat(supervisor.get("/complaints?customerId=" + customer).data().path("complaints")).isEmpty();
        assertThat(supervisor.get("/risk-warnings?customerId=" + customer).status()).isEqualTo(451);
        assertThat(efficiencySessions(analyst)).as("left out of the analytics, and nobody else").isEqualTo(1);
        assertThat(lodged(analyst)).as("left out of the complaint figures").isZero();
        assertThat(repeatComplaintKeys(analyst)).doesNotContain(complaintKey("restricted-c1"));
        JsonNode history = http.as("REGULATOR", "fca-examiner").get("/regulator/customers/" + customer + "/history")
                .data();
        assertThat(history.path("events").findValues("type").stream().map(JsonNode::asText))
                .as("the regulator still sees everything").contains("MessageRecorded", "ComplaintLodged",
                        "CustomerRestricted");
        assertThat(history.toString()).contains("I want my money back");

        accepted(admin.post("/privacy/customers/" + customer + "/restriction/lifting",
                json("legalBasis", "accuracy verified")));
        awaitReadModelsCaughtUp();
        assertVisible(customer, agent, supervisor, analyst);
    }

    @Test
    void aRestrictionTakesEffectAtOnceOnEveryInstanceWhileThePrivacyReadModelIsStopped() {
        String customer = "restricted-at-once";
        String timeline = "/customers/" + customer + "/timeline";
        chatHandedTo(customer, "restricted-at-once-chat", "restricted-at-once-queue");
        awaitReadModelsCaughtUp();
        assertThat(http.as("AGENT", "at-once-agent").get(timeline).status()).isEqualTo(200);

        // A second instance on the same database; on neither does the privacy read model move while this runs.
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(InteractionLedgerApplication.class)
                .run(TestInstallation.arguments(environment, "--ledger.node-id=restriction-second-instance"))) {
            StreamingEventProcessor there = privacyProcessor(second.getBean(EventProcessingConfiguration.class));
            StreamingEventProcessor here = privacyProcessor(processing);
            there.shutDown();
            here.shutDown();
            try {
                LedgerHttp other = new LedgerHttp(Integer.parseInt(
                        second.getEnvironment().getProperty("local.server.port")));
                List<LedgerHttp> instances = List.of(http, other);

                accepted(http.as("ADMIN", "privacy-admin").post("/privacy/customers/" + customer + "/restriction",
                        RESTRICTION_BASIS));
                assertThat(privacyReadModelRestricts(customer)).as("the read model cannot know").isFalse();
                for (LedgerHttp instance : instances) {
                    LedgerHttp.Response refused = instance.as("AGENT", "at-once-agent").get(timeline);
                    assertThat(refused.status()).as("the very next read, " + refused).isEqualTo(451);
                    assertThat(refused.code()).isEqualTo("CUSTOMER_RESTRICTED");
                    assertThat(instance.as("SUPERVISOR", "at-once-lead").get(timeline).status()).isEqualTo(451);
                    LedgerHttp.Response regulator = instance.as("REGULATOR", "fca-examiner")
                            .get("/regulator/customers/" + customer + "/history");
                    assertThat(regulator.status()).as("a regulator still sees it, " + regulator).isEqualTo(200);
                }

                accepted(other.as("ADMIN", "privacy-admin").post("/privacy/customers/" + customer
                        + "/restriction/lifting", json("legalBasis", "accuracy verified")));
                for (LedgerHttp instance : instances) {
                    LedgerHttp.Response read = instance.as("AGENT", "at-once-agent").get(timeline);
                    assertThat(read.status()).as("the very next read after the lifting, " + read).isEqualTo(200);
                }
                assertThat(jdbc.queryForObject("SELECT restricted FROM ledger_customer_restriction"
                        + " WHERE customer_id = ?", Boolean.class, customer)).isFalse();
            } finally {
                here.start();
            }
        }
        awaitReadModelsCaughtUp();
        assertThat(privacyReadModelRestricts(customer)).as("the read model caught up with the lifting").isFalse();
    }

    private static StreamingEventProcessor privacyProcessor(EventProcessingConfiguration processing) {
        return processing.eventProcessor(PrivacyProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private boolean privacyReadModelRestricts(String customer) {
        return Boolean.TRUE.equals(jdbc.query("SELECT restricted FROM privacy_customer WHERE customer_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, customer));
    }

    @Test
    void theRetentionReportListsWhatIsDueWithItsHoldsAndNeverTheErased() {
        LedgerHttp admin = http.as("ADMIN", "privacy-admin");
        chatHandedTo("retention-chats-only", "retention-chat-1", "retention-queue");
        chatHandedTo("retention-complained", "retention-chat-2", "retention-queue");
        accepted(http.post("/complaints", json("complaintId", "retention-complaint", "customerId",
                "retention-complained", "sessions", new String[] {"retention-chat-2"}, "channel", "WEB_CHAT",
                "product", "current_account", "category", "fees", "description", "Fee", "jurisdiction", "UK_FCA")));
        chatHandedTo("retention-held", "retention-chat-3", "retention-queue");
        accepted(admin.post("/privacy/customers/retention-held/legal-holds", json("reference", "case-2031-4")));
        chatHandedTo("retention-erased", "retention-chat-4", "retention-queue");
        accepted(erase("retention-erased", "GDPR Art. 17(1)(a)"));
        awaitReadModelsCaughtUp();
        Instant now = clock.instant();

        assertThat(due(admin, now)).as("nothing of theirs is due yet").doesNotContainKeys("retention-chats-only",
                "retention-complained", "retention-held", "retention-erased");

        Instant sixYears = now.atOffset(ZoneOffset.UTC).plus(Period.ofYears(6)).toInstant();
        Map<String, JsonNode> dueIn6 = due(admin, sixYears);
        assertThat(dueIn6).containsKeys("retention-chats-only", "retention-held")
                .doesNotContainKeys("retention-complained", "retention-erased");
        JsonNode chatsOnly = dueIn6.get("retention-chats-only");
        Instant lastSession = Instant.parse(chatsOnly.path("lastSessionAt").asText());
        assertThat(Instant.parse(chatsOnly.path("dueSince").asText()))
                .isEqualTo(lastSession.atOffset(ZoneOffset.UTC).plus(Period.ofYears(5)).toInstant());
        assertThat(chatsOnly.path("legalHolds")).isEmpty();
        assertThat(dueIn6.get("retention-held").path("legalHolds")).extracting(JsonNode::asText)
                .containsExactly("case-2031-4");

        Instant eightYears = now.atOffset(ZoneOffset.UTC).plus(Period.ofYears(8)).toInstant();
        assertThat(due(admin, eightYears)).as("complaint records are kept 7 years").containsKey("retention-complained")
                .doesNotContainKey("retention-erased");
        assertThat(admin.get("/privacy/retention-report?at=someday").code()).isEqualTo("INVALID_PARAMETER");
    }

    private void assertVisible(String customer, LedgerHttp agent, LedgerHttp supervisor, LedgerHttp analyst) {
        assertThat(agent.get("/customers/" + customer + "/timeline").status()).isEqualTo(200);
        assertThat(agent.get("/complaints/restricted-c1").status()).isEqualTo(200);
        assertThat(supervisor.get("/complaints?customerId=" + customer).data().path("complaints")).hasSize(2);
        assertThat(efficiencySessions(analyst)).as("theirs and their neighbour's").isEqualTo(2);
        assertThat(lodged(analyst)).isEqualTo(2);
        assertThat(repeatComplaintKeys(analyst)).contains(complaintKey("restricted-c1"), complaintKey("restricted-c2"));
    }

    private static long efficiencySessions(LedgerHttp analyst) {
        return analyst.get("/analytics/service-efficiency?queue=restricted-queue").data().path("overall")
                .path("sessions").asLong();
    }

    private static long lodged(LedgerHttp analyst) {
        return analyst.get("/complaint-statistics?product=restricted_product").data().path("overall").path("lodged")
                .asLong();
    }

    /** The complaints of the repeat complainants, by the pseudonymous keys analysts see. */
    private static List<String> repeatComplaintKeys(LedgerHttp analyst) {
        List<String> keys = new ArrayList<>();
        analyst.get("/complaint-statistics/repeat-complainants?minimum=2&days=366&limit=1000").data()
                .path("complainants").forEach(repeat -> repeat.path("complaintKeys")
                        .forEach(key -> keys.add(key.asText())));
        return keys;
    }

    private static String complaintKey(String complaintId) {
        return new Pseudonyms(TestInstallation.PSEUDONYM_KEY).keyOf(new ComplaintId(complaintId));
    }

    /** The report's customers at {@code at}, by customer id, every page (other tests' customers are there too). */
    private static Map<String, JsonNode> due(LedgerHttp admin, Instant at) {
        Map<String, JsonNode> due = new java.util.HashMap<>();
        String after = null;
        do {
            LedgerHttp.Response report = admin.get("/privacy/retention-report?limit=50&at=" + at
                    + (after == null ? "" : "&after=" + after));
            assertThat(report.status()).as(report.toString()).isEqualTo(200);
            report.data().path("customers").forEach(customer ->
                    assertThat(due.put(customer.path("customerId").asText(), customer)).as("on one page only").isNull());
            after = report.data().path("next").isNull() ? null : report.data().path("next").asText();
        } while (after != null);
        return due;
    }

    private void chatHandedTo(String customer, String chat, String queue) {
        accepted(bot().post("/sessions", json("sessionId", chat, "customerId",
                customer, "channel", "WEB_CHAT", "entryPoint", "web")));
        accepted(gateway().post("/sessions/" + chat + "/messages", json("messageId", "m1",
                "authorRole", "CUSTOMER", "text", "I want my money back, or I call the ombudsman")));
        accepted(bot().post("/sessions/" + chat + "/handoff", json("queue", queue,
                "reason", "refund", "contextSummary", "Refund asked")));
    }

}
