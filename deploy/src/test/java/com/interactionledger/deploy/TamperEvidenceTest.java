package com.interactionledger.deploy;

import com.interactionledger.ledger.append.LedgerDigests;
import com.interactionledger.ledger.stored.LedgerHash;
import com.interactionledger.ledger.stored.StoredEvent;
import com.interactionledger.projections.testsupport.TestPostgres;
import com.interactionledger.replay.ReplayCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with the database directly, as someone with DDL rights could (the append-only triggers switched off),
 * and {@code replay-tools verify} catching each change: the kind of change and the first position it breaks, exit
 * code 4. The ledger is written by the real application through its one append path; the application is stopped
 * before any tampering. After each case the ledger is put back exactly and must verify again, so a verifier that
 * always fails would not pass either.
 */
class TamperEvidenceTest {

    private static TestPostgres.Database database;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;
    private static Path keptDigests;
    private static long digestPosition;

    private static final List<String> TABLES = List.of("domainevententry", "ledger_chain", "ledger_chain_head",
            "ledger_digest", "ledger_customer_event");

    @BeforeAll
    static void aLedgerWrittenByTheApplication(@TempDir Path directory) throws Exception {
        database = TestPostgres.freshDatabase("tamper");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(),
                database.password());
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(InteractionLedgerApplication.class)
                .run(TestInstallation.arguments(database.url(), database.user(), database.password()))) {
            LedgerHttp http = new LedgerHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            journey(http, "tamper-chat", "tamper-customer", "WEB_CHAT");
            journey(http, "tamper-call", "tamper-customer", "PHONE");
            assertThat(http.as("AGENT", "tamper-agent").post("/sessions/tamper-call/closure", null).code())
                    .as("a refusal is on the record too").isEqualTo("ILLEGAL_TRANSITION");
            assertThat(http.as("AGENT", "tamper-handler").post("/complaints", json("complaintId", "tamper-complaint",
                    "customerId", "tamper-customer", "sessions", new String[] {"tamper-chat"}, "channel", "WEB_CHAT",
                    "product", "credit_card", "category", "fees", "subCategory", "late_payment_fee",
                    "description", "Charged twice", "jurisdiction", "UK_FCA")).status()).isEqualTo(201);
            digestPosition = app.getBean(LedgerDigests.class).record().orElseThrow().position();
            keptDigests = directory.resolve("kept-digests.jsonl");
            assertThat(cli("digests", "--out", keptDigests.toString()).exitCode()).isZero();
            // Events after the digest: the chain goes on past what the regulator kept.
            journey(http, "tamper-later", "tamper-other-customer", "EMAIL");
        }
        for (String table : TABLES) {
            jdbc.execute("CREATE TABLE tamper_backup_" + table + " AS SELECT * FROM " + table);
        }
    }

    private static void journey(LedgerHttp http, String session, String customer, String channel) {
        LedgerHttp agent = http.as("AGENT", "tamper-agent");
        assertThat(agent.post("/sessions", json("sessionId", session, "customerId", customer, "channel", channel,
                "entryPoint", "test")).status()).isEqualTo(201);
        LedgerHttp customerSide = http.as("SYSTEM", TestInstallation.GATEWAY);
        for (int i = 1; i <= 3; i++) {
            LedgerHttp.Response said = customerSide.post("/sessions/" + session + "/messages", json("messageId",
                    session + "-m" + i, "authorRole", "CUSTOMER", "text", "message " + i));
            assertThat(said.status()).as(said.toString()).isEqualTo(200);
        }
        assertThat(agent.post("/sessions/" + session + "/abandonment", json("reason", "BY_CUSTOMER")).status())
                .isEqualTo(200);
    }

    @AfterEach
    void putTheLedgerBackAndItVerifiesAgain() {
        tamper(TABLES.stream().flatMap(table -> Stream.of("DELETE FROM " + table,
                "INSERT INTO " + table + " SELECT * FROM tamper_backup_" + table)).toArray(String[]::new));
        ReplayToolsRun outcome = cli("verify", "--digests", keptDigests.toString());
        assertThat(outcome.exitCode()).as(outcome.out()).isZero();
    }

    @AfterAll
    static void dropBackups() {
        TABLES.forEach(table -> jdbc.execute("DROP TABLE IF EXISTS tamper_backup_" + table));
    }

    @Test
    void theUntouchedLedgerVerifiesWithAndWithoutTheKeptDigests() {
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);

        ReplayToolsRun plain = cli("verify");
        ReplayToolsRun withDigests = cli("verify", "--digests", keptDigests.toString());

        assertThat(plain.exitCode()).as(plain.out()).isZero();
        assertThat(plain.out()).contains("events                     " + events + "\n",
                "links                      " + events + "\n", "result                     INTACT\n")
                .containsPattern("head                       " + head + " [0-9a-f]{64}\n");
        assertThat(withDigests.exitCode()).isZero();
        assertThat(withDigests.out()).contains("digests                    2 (1 from " + keptDigests + ")");
    }

    /** One change at the position of an event of a session's stream, and the kind of break verify reports there. */
    record Tampering(String session, long sequenceNumber, String kind, Function<Long, String[]> statements) {
    }

    static Stream<Arguments> changesAtOnePosition() {
        return Stream.of(
                // The message's text is sealed (personal data); its author's role is in clear.
                tampering("anAlteredPayloadIsFoundAtItsPosition", "tamper-chat", 2, "ALTERED", position -> new String[] {
                        "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                                + " '\"authorRole\":\"CUSTOMER\"', '\"authorRole\":\"AGENT\"'), 'UTF8')"
                                + " WHERE globalindex = " + position}),
                tampering("alteredMetadataIsFoundAtItsPosition", "tamper-call", 0, "ALTERED", position -> new String[] {
                        "UPDATE domainevententry SET metadata = convert_to(replace(convert_from(metadata, 'UTF8'),"
                                + " 'tamper-agent', 'someone-else'), 'UTF8') WHERE globalindex = " + position}),
                tampering("aDeletedEventIsFoundWhereItWasLinked", "tamper-chat", 3, "DELETED", position -> new String[] {
                        "DELETE FROM domainevententry WHERE globalindex = " + position}),
                tampering("anEventDeletedWithItsLinkIsFoundFromTheLinkAfterIt", "tamper-call", 1, "DELETED",
                        position -> new String[] {"DELETE FROM domainevententry WHERE globalindex = " + position,
                                "DELETE FROM ledger_chain WHERE globalindex = " + position}),
                tampering("aRewrittenStreamLinkIsFound", "tamper-later", 2, "ALTERED", position -> new String[] {
                        "UPDATE ledger_chain SET stream_hash = '" + "f".repeat(64) + "' WHERE globalindex = "
                                + position}),
                tampering("anEventHiddenFromItsCustomersHistoryIsFound", "tamper-call", 3, "DELETED",
                        position -> new String[] {"DELETE FROM ledger_customer_event WHERE globalindex = " + position}),
                tampering("anEventSlippedIntoAnotherCustomersHistoryIsFound", "tamper-later", 1, "INSERTED",
                        position -> new String[] {"INSERT INTO ledger_customer_event (customer_id, globalindex)"
                                + " VALUES ('tamper-customer', " + position + ")"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesAtOnePosition")
    void aChangeAtOnePositionIsFoundThereWithItsKind(Tampering change) {
        long position = positionOf(change.session(), change.sequenceNumber());
        tamper(change.statements().apply(position));

        assertBroken(cli("verify"), position, change.kind());
    }

    private static Arguments tampering(String name, String session, long sequenceNumber, String kind,
                                       Function<Long, String[]> statements) {
        return Arguments.of(Named.of(name, new Tampering(session, sequenceNumber, kind, statements)));
    }

    @Test
    void swappedPositionsAreFoundAsReordered() {
        long first = positionOf("tamper-chat", 1);
        long second = positionOf("tamper-call", 2);
        tamper("UPDATE domainevententry SET globalindex = -1 WHERE globalindex = " + first,
                "UPDATE domainevententry SET globalindex = " + first + " WHERE globalindex = " + second,
                "UPDATE domainevententry SET globalindex = " + second + " WHERE globalindex = -1");

        ReplayToolsRun outcome = cli("verify");
        assertBroken(outcome, first, "REORDERED");
        assertThat(outcome.out()).contains(second + " REORDERED: the event at position " + second);
    }

    @Test
    void anInsertedRowIsFound() {
        long position = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class) + 1;
        tamper(forgedEvent(position));

        assertBroken(cli("verify"), position, "INSERTED");
    }

    @Test
    void anInsertedRowWithAForgedLinkIsFoundByTheHead() {
        long position = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class) + 1;
        tamper(forgedEvent(position));
        // The forger links and indexes it correctly after the last link, but leaves the head where it was.
        StoredEvent forged = jdbc.queryForObject("SELECT " + StoredEvent.COLUMNS + " FROM domainevententry WHERE globalindex = ?",
                (rs, row) -> StoredEvent.read(rs), position);
        Map<String, Object> last = jdbc.queryForMap("SELECT globalindex, chain_hash FROM ledger_chain"
                + " ORDER BY globalindex DESC LIMIT 1");
        tamper("INSERT INTO ledger_chain VALUES (" + position + ", " + last.get("globalindex") + ", 'forged-session',"
                + " 0, '" + forged.digest() + "', '" + LedgerHash.chainHash((String) last.get("chain_hash"), position,
                forged.digest()) + "', '" + LedgerHash.streamHash(LedgerHash.GENESIS, 0, forged.digest()) + "')",
                "INSERT INTO ledger_customer_event (customer_id, globalindex) VALUES ('tamper-customer', " + position
                        + ")");

        assertBroken(cli("verify"), position, "INSERTED");
    }

    /**
     * The commands of docs/REGULATORS.md's "Tamper evidence", as written there, against this ledger: export the
     * digests, then verify.
     */
    @Test
    void theDocumentedCommandsExportTheDigestsAndVerifyAgainstThem(@TempDir Path directory) throws Exception {
        String page = Files.readString(Path.of("../docs/REGULATORS.md"), StandardCharsets.UTF_8);
        String section = page.substring(page.indexOf("## Tamper evidence"),
                page.indexOf("## Rebuilding a read model"));
        List<String> commands = section.lines().filter(line -> line.startsWith("scripts/replay-tools.sh digests ")
                || line.startsWith("scripts/replay-tools.sh verify --jdbc-url jdbc:postgresql")).toList();
        assertThat(commands).hasSize(2);
        List<ReplayToolsRun> outcomes = new ArrayList<>();
        for (String command : commands) {
            List<String> args = new ArrayList<>();
            for (String word : command.substring("scripts/replay-tools.sh ".length()).split("\\s+")) {
                args.add(switch (word) {
                    case "jdbc:postgresql://127.0.0.1:5432/ledger" -> database.url();
                    case "postgres" -> database.user();
                    case "kept-digests.jsonl" -> directory.resolve(word).toString();
                    default -> word;
                });
            }
            args.addAll(List.of("--password-file", ReplayToolsRun.secretFile(database.password())));
            outcomes.add(run(args));
        }

        assertThat(outcomes.get(0).exitCode()).as(outcomes.get(0).err()).isZero();
        List<String> digests = Files.readAllLines(directory.resolve("kept-digests.jsonl"));
        long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        assertThat(digests).hasSize(2);
        assertThat(digests.get(0)).startsWith("{\"position\":" + digestPosition + ",\"chainHash\":\"");
        assertThat(digests.get(1)).as("the head as it stands").startsWith("{\"position\":" + head + ",");
        assertThat(outcomes.get(1).exitCode()).as(outcomes.get(1).out()).isZero();
        assertThat(outcomes.get(1).out()).contains("result                     INTACT");
    }

    /**
     * The limit of any hash chain, and why digests are exported: someone who alters an event and then re-hashes
     * every link after it (and the ledger's own digests) leaves a chain consistent with itself. Only a digest kept
     * outside the database catches it.
     */
    @Test
    void aChainReHashedAfterAnAlterationIsCaughtOnlyByTheKeptDigests() {
        long position = positionOf("tamper-chat", 1);
        assertThat(position).isLessThan(digestPosition);
        tamper("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " '\"authorRole\":\"CUSTOMER\"', '\"authorRole\":\"BOT\"'), 'UTF8')"
                + " WHERE globalindex = " + position);
        reHashEverything();

        ReplayToolsRun alone = cli("verify");
        assertThat(alone.exitCode()).as("re-hashed consistently: undetectable without kept digests").isZero();
        assertBroken(cli("verify", "--digests", keptDigests.toString()), digestPosition, "REWRITTEN");
    }

    @Test
    void aLedgerCutShortAndReHashedIsCaughtByTheKeptDigests() {
        long cut = positionOf("tamper-call", 2);
        tamper("DELETE FROM domainevententry WHERE globalindex >= " + cut,
                "DELETE FROM ledger_chain WHERE globalindex >= " + cut,
                "DELETE FROM ledger_customer_event WHERE globalindex >= " + cut);
        reHashEverything();

        assertThat(cli("verify").exitCode()).isZero();
        assertBroken(cli("verify", "--digests", keptDigests.toString()), digestPosition, "DELETED");
    }

    /** What a forger with DDL rights would do: recompute every link, the head and the ledger's own digests. */
    private static void reHashEverything() {
        List<StoredEvent> events = jdbc.query("SELECT " + StoredEvent.COLUMNS + " FROM domainevententry ORDER BY globalindex",
                (rs, row) -> StoredEvent.read(rs));
        List<String> statements = new ArrayList<>(List.of("DELETE FROM ledger_chain",
                "DELETE FROM ledger_digest"));
        String chain = LedgerHash.GENESIS;
        Long previous = null;
        Map<String, String> streams = new HashMap<>();
        for (StoredEvent event : events) {
            String digest = event.digest();
            chain = LedgerHash.chainHash(chain, event.globalIndex(), digest);
            String stream = LedgerHash.streamHash(streams.getOrDefault(event.aggregateIdentifier(),
                    LedgerHash.GENESIS), event.sequenceNumber(), digest);
            streams.put(event.aggregateIdentifier(), stream);
            statements.add("INSERT INTO ledger_chain VALUES (" + event.globalIndex() + ", " + previous + ", '"
                    + event.aggregateIdentifier() + "', " + event.sequenceNumber() + ", '" + digest + "', '" + chain
                    + "', '" + stream + "')");
            previous = event.globalIndex();
        }
        statements.add("UPDATE ledger_chain_head SET globalindex = " + previous + ", chain_hash = '" + chain + "'");
        tamper(statements.toArray(String[]::new));
    }

    private static String forgedEvent(long position) {
        return "INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type,"
                + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) VALUES (" + position
                + ", 'forged-session', 0, 'InteractionSession', 'forged-event',"
                + " convert_to('{\"customerId\":\"tamper-customer\"}', 'UTF8'),"
                + " convert_to('{\"sessionId\":\"forged-session\"}', 'UTF8'), NULL,"
                + " 'com.interactionledger.contracts.dialogue.SessionStarted', '2026-01-01T00:00:00Z')";
    }


    private static long positionOf(String session, long sequenceNumber) {
        return jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?"
                + " AND sequencenumber = ?", Long.class, session, sequenceNumber);
    }

    /** Runs the statements in one transaction with the append-only triggers switched off, as a forger would. */
    private static void tamper(String... statements) {
        transaction.executeWithoutResult(status -> {
            TABLES.forEach(table -> jdbc.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER"));
            for (String statement : statements) {
                jdbc.execute(statement);
            }
            TABLES.forEach(table -> jdbc.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER"));
        });
    }

    private static void assertBroken(ReplayToolsRun outcome, long position, String kind) {
        assertThat(outcome.exitCode()).as(outcome.out()).isEqualTo(ReplayCli.BROKEN);
        assertThat(outcome.out()).contains("result                     BROKEN")
                .contains("first broken position      " + position + " " + kind + "\n");
    }

    private static ReplayToolsRun cli(String subcommand, String... options) {
        List<String> args = new ArrayList<>(List.of(subcommand, "--jdbc-url", database.url(),
                "--user", database.user(), "--password-file", ReplayToolsRun.secretFile(database.password())));
        args.addAll(List.of(options));
        return run(args);
    }

    private static ReplayToolsRun run(List<String> args) {
        return ReplayToolsRun.of(args.toArray(String[]::new));
    }
}
