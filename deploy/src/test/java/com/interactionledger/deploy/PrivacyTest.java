package com.interactionledger.deploy;

import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.ledger.sealing.CustomerKeys;
import com.interactionledger.ledger.sealing.PersonalDataSerializer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data at rest and its erasure: personal fields are stored sealed with the customer's key, in the events
 * and in the read models; erasing the customer destroys the key, the read models replace what they showed, and no
 * table holds the customer's known strings, while the ledger still verifies. Legal holds stop erasure until
 * released. (What the database's files hold after an erasure: ErasureOnDiskTest.)
 */
class PrivacyTest extends PostgresLedgerTest {

    private static final String ERASURE = json("legalBasis", "GDPR Art. 17(1)(a)");

    @Autowired
    Environment environment;

    @Autowired
    DataSource dataSource;

    @Test
    void personalFieldsAreStoredSealedAndShownToAgentsInClear() {
        String text = "my card ending 4242 was charged twice PRIVACY-SEALED-1";
        journey("privacy-sealed", text, "context PRIVACY-SEALED-2", "complaint PRIVACY-SEALED-3");

        List<String> stored = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + " WHERE aggregateidentifier IN ('privacy-sealed-chat', 'privacy-sealed-complaint')", String.class);
        assertThat(stored).hasSizeGreaterThan(4).noneMatch(payload -> payload.contains("PRIVACY-SEALED"));
        assertThat(stored).anyMatch(payload -> payload.contains("\"text\":\"pd1:"));
        awaitReadModelsCaughtUp();
        assertThat(tablesHolding("PRIVACY-SEALED")).as("no table holds them in clear, read models included").isEmpty();
        assertThat(tablesHolding("privacy-sealed-chat")).as("the search finds what is stored in clear").isNotEmpty();
        assertThat(jdbc.queryForList("SELECT content FROM timeline_entry WHERE session_id = 'privacy-sealed-chat'"
                + " AND content IS NOT NULL", String.class)).isNotEmpty().allMatch(content -> content.startsWith("rm1:"));
        assertThat(jdbc.queryForObject("SELECT description FROM complaint_summary"
                + " WHERE complaint_id = 'privacy-sealed-complaint'", String.class)).startsWith("rm1:");

        LedgerHttp agent = http.as("AGENT", "privacy-agent");
        LedgerHttp.Response timeline = agent.get("/customers/privacy-sealed/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.raw().body()).contains("context PRIVACY-SEALED-2");
        LedgerHttp.Response session = agent.get("/sessions/privacy-sealed-chat");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.raw().body()).contains(text).contains("context PRIVACY-SEALED-2");
    }

    @Test
    void erasureLeavesNoPlaintextAnywhereAndTheLedgerStillVerifies() throws IOException {
        List<String> known = List.of("PRIVACY-ERASED-TEXT", "PRIVACY-ERASED-CONTEXT", "PRIVACY-ERASED-COMPLAINT");
        journey("privacy-erased", "message " + known.get(0), "handoff " + known.get(1), "complaint " + known.get(2));
        awaitReadModelsCaughtUp();
        assertThat(tablesHolding("privacy-erased-chat")).as("the search finds what is stored in clear").isNotEmpty();
        for (String string : known) {
            assertThat(tablesHolding(string)).as("sealed, in the events and the read models: " + string).isEmpty();
        }
        LedgerHttp agent = http.as("AGENT", "privacy-agent");
        assertThat(agent.get("/sessions/privacy-erased-chat").raw().body()).contains(known.get(0), known.get(1));

        // Erasure takes two people: asking destroys nothing; the requester cannot approve; another admin can.
        accepted(admin().post("/privacy/customers/privacy-erased/erasure", ERASURE));
        awaitReadModelsCaughtUp();
        assertThat(agent.get("/sessions/privacy-erased-chat").raw().body()).as("nothing is erased before the approval")
                .contains(known.get(0), known.get(1));
        LedgerHttp.Response ownApproval = admin().post("/privacy/customers/privacy-erased/erasure/approval", null);
        assertThat(ownApproval.code()).as(ownApproval.toString()).isEqualTo("PRIVACY_TRANSITION");
        LedgerHttp.Response erased = http.as("ADMIN", "privacy-second-admin")
                .post("/privacy/customers/privacy-erased/erasure/approval", null);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        awaitReadModelsCaughtUp();

        for (String string : known) {
            assertThat(tablesHolding(string)).as(string).isEmpty();
        }
        assertThat(jdbc.queryForMap("SELECT wrapped_key, destroyed_at FROM ledger_customer_key"
                + " WHERE customer_id = 'privacy-erased'")).containsEntry("wrapped_key", null)
                .extractingByKey("destroyed_at").isNotNull();
        assertThat(http.as("AGENT", "privacy-agent").get("/customers/privacy-erased/timeline").raw().body())
                .contains(PersonalDataSerializer.ERASED).doesNotContain("PRIVACY-ERASED");

        ReplayToolsRun verify = ReplayToolsRun.of("verify", "--jdbc-url",
                environment.getProperty("spring.datasource.url"));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();

        // A regulator's export of the customer's history, as of now: every file of it, searched.
        Path work = Files.createTempDirectory("privacy-export");
        assertThat(ReplayToolsRun.of("keygen", "--out", work.toString()).exitCode()).isZero();
        ReplayToolsRun export = ReplayToolsRun.of("export", "--jdbc-url",
                environment.getProperty("spring.datasource.url"), "--user",
                environment.getProperty("spring.datasource.username"), "--password-file",
                ReplayToolsRun.secretFile(environment.getProperty("spring.datasource.password", "")), "--out",
                work.resolve("package").toString(),
                "--signing-key", work.resolve("export-signing-key.pem").toString(), "--customer", "privacy-erased",
                "--as-of", Instant.now().toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<Path> files;
        try (Stream<Path> listed = Files.list(work.resolve("package"))) {
            files = listed.toList();
        }
        assertThat(files).extracting(file -> file.getFileName().toString()).contains("events.jsonl", "report.html");
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (String string : known) {
                assertThat(content).as(file + " " + string).doesNotContain(string);
            }
        }
        assertThat(Files.readString(work.resolve("package/events.jsonl"))).contains(PersonalDataSerializer.ERASED);

        long before = eventsOf("privacy-erased-chat");
        LedgerHttp.Response more = gateway().post("/sessions/privacy-erased-chat/messages",
                json("messageId", "after-erasure", "authorRole", "CUSTOMER", "text", "still there?"));
        assertThat(more.status()).as(more.toString()).isEqualTo(410);
        assertThat(more.code()).isEqualTo("CUSTOMER_ERASED");
        assertThat(eventsOf("privacy-erased-chat")).isEqualTo(before);
        assertThat(admin().post("/privacy/customers/privacy-erased/erasure", ERASURE)
                .code()).isEqualTo("CUSTOMER_ERASED");
    }

    @Test
    void readModelsRebuiltAfterAnErasureComeOutAsTheErasureLeftThem() {
        journey("privacy-rebuilt", "message PRIVACY-REBUILT", "handoff PRIVACY-REBUILT", "complaint PRIVACY-REBUILT");
        LedgerHttp admin = admin();
        accepted(erase("privacy-rebuilt", "GDPR Art. 17(1)(a)"));
        awaitReadModelsCaughtUp();
        Map<String, List<String>> afterErasure = rowsOf("privacy-rebuilt");
        assertThat(afterErasure.get("timeline_entry")).isNotEmpty();

        for (String readModel : List.of("timeline", "complaints", "risk-warnings")) {
            accepted(admin.post("/projections/" + readModel + "/customers/privacy-rebuilt/rebuild", null));
        }
        assertThat(rowsOf("privacy-rebuilt")).isEqualTo(afterErasure);
    }

    @Test
    void aLegalHoldRefusesErasureUntilItIsReleased() {
        journey("privacy-held", "message PRIVACY-HELD", "handoff PRIVACY-HELD", "complaint PRIVACY-HELD");
        LedgerHttp admin = admin();
        accepted(admin.post("/privacy/customers/privacy-held/legal-holds", json("reference", "case-2026-17")));

        LedgerHttp.Response refused = admin.post("/privacy/customers/privacy-held/erasure", ERASURE);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("LEGAL_HOLD");
        assertThat(refused.json().path("detail").asText()).contains("case-2026-17");
        assertThat(jdbc.queryForObject("SELECT wrapped_key FROM ledger_customer_key WHERE customer_id = 'privacy-held'",
                String.class)).as("the key is intact").isNotNull();

        accepted(admin.post("/privacy/customers/privacy-held/legal-holds/case-2026-17/release", null));
        accepted(erase("privacy-held", "GDPR Art. 17(1)(a)"));
        assertThat(jdbc.queryForObject("SELECT wrapped_key FROM ledger_customer_key WHERE customer_id = 'privacy-held'",
                String.class)).isNull();
    }

    /**
     * The administrators' step of a rotation: customer keys still wrapped by the old master key (which the
     * application holds after the new, active one) all move under the active one, and what they sealed still opens.
     */
    @Test
    void theRewrapEndpointMovesEveryCustomerKeyUnderTheActiveMasterKey() {
        journey("privacy-rewrapped", "message PRIVACY-REWRAPPED", "handoff", "complaint");
        ConnectionProvider connections = () -> DataSourceUtils.getConnection(dataSource);
        // as if wrapped before the rotation: under the retired key
        CustomerKeys.configured(connections, RETIRED_MASTER_KEY + "," + TestInstallation.MASTER_KEY, Duration.ZERO)
                .rewrap();
        assertThat(jdbc.queryForObject("SELECT master_key_id FROM ledger_customer_key"
                + " WHERE customer_id = 'privacy-rewrapped'", String.class)).isEqualTo("retired-2025");

        LedgerHttp.Response rewrapped = admin().post("/privacy/master-keys/rewrap", null);
        assertThat(rewrapped.status()).as(rewrapped.toString()).isEqualTo(200);
        assertThat(rewrapped.json().path("rewrapped").asInt()).isPositive();
        assertThat(rewrapped.json().path("masterKeyId").asText()).isEqualTo("test-2026");
        assertThat(jdbc.queryForList("SELECT DISTINCT master_key_id FROM ledger_customer_key"
                + " WHERE wrapped_key IS NOT NULL", String.class)).containsExactly("test-2026");
        assertThat(admin().post("/privacy/master-keys/rewrap", null).json().path("rewrapped").asInt())
                .as("a second run has nothing left to do").isZero();
        assertThat(http.as("AGENT", "privacy-agent").get("/sessions/privacy-rewrapped-chat").raw().body())
                .contains("message PRIVACY-REWRAPPED");
    }

    /**
     * Master key rotation: with a new active key added, re-wrapping moves every customer key under it; afterwards
     * the old master key can go and sealed data still opens.
     */
    @Test
    void customerKeysReWrappedUnderANewMasterKeyStillOpenWhatTheySealed() throws Exception {
        journey("privacy-rotated", "message PRIVACY-ROTATED", "handoff", "complaint");
        String configured = environment.getProperty("ledger.privacy.master-keys");
        String fresh = "rotated-2027:" + Base64.getEncoder().encodeToString(
                "a-new-master-key-for-the-rotation".substring(0, 32).getBytes(StandardCharsets.US_ASCII));
        ConnectionProvider connections = () -> DataSourceUtils.getConnection(dataSource);

        int rewrapped = CustomerKeys.configured(connections, fresh + "," + configured, Duration.ZERO).rewrap();
        try {
            assertThat(rewrapped).isPositive();
            assertThat(jdbc.queryForObject("SELECT master_key_id FROM ledger_customer_key"
                    + " WHERE customer_id = 'privacy-rotated'", String.class)).isEqualTo("rotated-2027");

            PersonalDataSerializer newKeyOnly = new PersonalDataSerializer(LedgerSerialization.eventSerializer(),
                    CustomerKeys.configured(connections, fresh, Duration.ZERO));
            String stored = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                    + " WHERE aggregateidentifier = 'privacy-rotated-chat' AND payloadtype LIKE '%MessageRecorded'",
                    String.class);
            assertThat(newKeyOnly.open(MessageRecorded.class.getName(), LedgerHttp.JSON.readTree(stored))
                    .path("text").asText()).isEqualTo("message PRIVACY-ROTATED");
        } finally {
            // Back under the application's own master key: the other tests share this database.
            CustomerKeys.configured(connections, configured + "," + fresh, Duration.ZERO).rewrap();
        }
    }

    /** A chat with a message, a handoff with its context and a complaint with its description. */
    private void journey(String customer, String message, String context, String description) {
        String chat = customer + "-chat";
        accepted(bot().post("/sessions", json("sessionId", chat, "customerId", customer,
                "channel", "WEB_CHAT", "entryPoint", "web")));
        accepted(gateway().post("/sessions/" + chat + "/messages", json("messageId", "m1",
                "authorRole", "CUSTOMER", "text", message, "language", "en-GB")));
        accepted(bot().post("/sessions/" + chat + "/handoff", json("queue", "cards",
                "reason", "fees", "contextSummary", context)));
        accepted(http.as("AGENT", "privacy-agent").post("/complaints", json("complaintId", customer + "-complaint",
                "customerId", customer, "sessions", new String[] {chat}, "channel", "WEB_CHAT",
                "product", "credit_card", "category", "fees", "description", description, "jurisdiction", "UK_FCA")));
        awaitReadModelsCaughtUp();
    }

    /** The tables (of this database's schema) with a row holding the string in any column, bytes included. */
    private List<String> tablesHolding(String string) {
        List<String> found = new ArrayList<>();
        byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
        jdbc.queryForList("SELECT table_name, column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema() ORDER BY table_name, column_name").forEach(column -> {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String condition = "bytea".equals(column.get("data_type")) ? "position(?::bytea in " + name + ") > 0"
                    : "strpos(" + name + "::text, ?) > 0";
            Object argument = "bytea".equals(column.get("data_type")) ? bytes : string;
            Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + condition, Long.class,
                    argument);
            if (rows != null && rows > 0) {
                found.add(table + "." + name);
            }
        });
        return found;
    }

    /** The customer's rows of the read models that hold personal fields, as text, table by table. */
    private Map<String, List<String>> rowsOf(String customer) {
        Map<String, List<String>> rows = new TreeMap<>();
        rows.put("timeline_session", text("SELECT * FROM timeline_session WHERE customer_id = ?", customer));
        rows.put("timeline_entry", text("SELECT e.* FROM timeline_entry e JOIN timeline_session s"
                + " ON s.session_id = e.session_id WHERE s.customer_id = ?", customer));
        rows.put("complaint_summary", text("SELECT * FROM complaint_summary WHERE customer_id = ?", customer));
        rows.put("risk_session", text("SELECT * FROM risk_session WHERE customer_id = ?", customer));
        return rows;
    }

    private List<String> text(String sql, String customer) {
        return jdbc.queryForList(sql, customer).stream().map(Object::toString).sorted().toList();
    }

    /** Erasure, holds, rebuilds and processor statuses are the administrators'. */
    private LedgerHttp admin() {
        return http.as("ADMIN", "privacy-admin");
    }
}
