package com.interactionledger.tools.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.contracts.analytics.AnalyticsFilter;
import com.interactionledger.contracts.analytics.EfficiencyFigures;
import com.interactionledger.contracts.analytics.EfficiencyReport;
import com.interactionledger.contracts.analytics.FindServiceEfficiency;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.timeline.FindSession;
import com.interactionledger.contracts.timeline.SessionView;
import com.interactionledger.contracts.timeline.TimelineEntryKind;
import com.interactionledger.contracts.timeline.TimelineEntryView;
import com.interactionledger.projections.testsupport.TestPostgres;
import com.interactionledger.replay.ReplayCli;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The JDDC sample (v1, 11,861 turns in 966 sessions) imported into a ledger on PostgreSQL: the service-efficiency
 * figures — sessions, customer and agent messages, transfers — equal counts made here from the file's bytes with a
 * reading of this test's own (tabs, line ends and the agents' {@code !@@@!} split here, not by the importer); every
 * message's text comes back from the timeline, and a customer's from a regulator's export, byte for byte as the file
 * holds it; a second import appends nothing. Skipped, saying so, where {@code ../shared/data} is absent.
 */
class JddcImportAcceptanceTest {

    static final Path SAMPLE = Path.of("..", "..", "shared", "data", "jddc", "chat_0.1per_v1_2019-11-02.txt")
            .toAbsolutePath().normalize();
    static final Instant OCCURRED_AT = Instant.parse("2019-11-02T00:00:00Z");
    static final String MASTER_KEYS = ImportLedgers.MASTER_KEYS;
    private static final byte[] SEPARATOR = "!@@@!".getBytes(StandardCharsets.US_ASCII);

    static ConfigurableApplicationContext ledger;
    static TestPostgres.Database database;
    static Importer.Summary first;
    static Path rejects;
    static Map<String, List<Message>> raw;

    /** One message as the file holds it: its id (line, and place in an agent's turn), who wrote it, its bytes. */
    record Message(String id, String role, String customer, boolean transfer, String hex) {
    }

    @BeforeAll
    static void importTheSample(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isRegularFile(SAMPLE), () -> "skipped: " + SAMPLE + " is absent (the shared data folder is"
                + " not beside this clone)");
        raw = raw();
        database = TestPostgres.freshDatabase("jddc-import");
        ledger = ImportCli.start(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(), "--ledger.privacy.master-keys=" + MASTER_KEYS,
                "--ledger.analytics.pseudonym-key=test-only-pseudonym-key-of-at-least-32-bytes"));
        rejects = dir.resolve("rejects.csv");
        first = ImportCli.importer(ledger).run(new JddcChatLogs(), SAMPLE, new Importer.Run(Map.of(), OCCURRED_AT,
                false, rejects, "run-1", 16), null);
        ImportCli.awaitReadModels(ledger);
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void everySessionOfTheSampleIsImportedAndNoneRejected() throws IOException {
        assertThat(Files.readAllLines(rejects)).containsExactly("file,line,column,reason");
        assertThat(List.of(first.records(), first.imported(), first.rejected()))
                .containsExactly((long) raw.size(), (long) raw.size(), 0L);
    }

    @Test
    void sessionsCustomerAndAgentMessagesAndTransfersEqualCountsOfTheRawFile() {
        long customerMessages = raw.values().stream().flatMap(List::stream).filter(m -> m.role().equals("CUSTOMER"))
                .filter(m -> m.hex() != null).count();
        long agentMessages = raw.values().stream().flatMap(List::stream).filter(m -> m.role().equals("AGENT"))
                .filter(m -> m.hex() != null).count();
        // the flag is the session's (set on all its lines where set at all): one transfer per flagged session
        long transfers = raw.values().stream().filter(turns -> turns.stream().anyMatch(Message::transfer)).count();

        EfficiencyFigures overall = ledger.getBean(QueryGateway.class).query(new FindServiceEfficiency(
                AnalyticsFilter.ALL, null), EfficiencyReport.class).join().overall();

        assertThat(List.of(overall.sessions(), overall.customerMessages(), overall.agentMessages(),
                overall.botMessages(), overall.transfers()))
                .as("sessions, customer, agent and bot messages, transfers")
                .containsExactly((long) raw.size(), customerMessages, agentMessages, 0L, transfers);
        assertThat(overall.transferRate()).isEqualTo((double) transfers / raw.size());
    }

    @Test
    void everyMessagesTextComesBackFromTheTimelineByteForByte() {
        QueryGateway queries = ledger.getBean(QueryGateway.class);
        Map<String, List<String>> timeline = new TreeMap<>();
        Map<String, List<String>> file = new TreeMap<>();
        raw.forEach((session, messages) -> {
            file.put(session, messages.stream().filter(m -> m.hex() != null)
                    .map(m -> m.id() + " " + m.role() + " " + m.hex()).toList());
            timeline.put(session, timelineMessages(queries, session));
        });

        assertThat(timeline).hasSize(raw.size());
        timeline.forEach((session, messages) -> assertThat(messages).as(session).isEqualTo(file.get(session)));
    }

    @Test
    void aCustomersMessagesComeBackFromARegulatorsExportByteForByte(@TempDir Path dir) throws IOException {
        // the session with the longest text of the file, and the sessions flagged as transferred
        Set<String> sessions = new LinkedHashSet<>();
        raw.entrySet().stream().max(Comparator.comparingInt(entry -> entry.getValue().stream()
                        .mapToInt(m -> m.hex() == null ? 0 : m.hex().length()).max().orElse(0)))
                .ifPresent(entry -> sessions.add(entry.getKey()));
        raw.forEach((session, messages) -> {
            if (messages.stream().anyMatch(Message::transfer)) {
                sessions.add(session);
            }
        });
        assertThat(run("keygen", "--out", dir.toString())).isZero();
        Path keys = Files.writeString(dir.resolve("master-keys"), MASTER_KEYS);
        Path password = Files.writeString(dir.resolve("password"), database.password());

        for (String session : sessions) {
            String customer = raw.get(session).get(0).customer();
            Path out = dir.resolve("export-" + session);
            assertThat(run("export", "--jdbc-url", database.url(), "--user", database.user(), "--password-file",
                    password.toString(), "--master-keys-file", keys.toString(), "--signing-key",
                    dir.resolve("export-signing-key.pem").toString(), "--out", out.toString(), "--customer",
                    "jddc-" + customer, "--as-of", Instant.now().toString())).isZero();

            Map<String, List<String>> exported = new LinkedHashMap<>();
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(out.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
                JsonNode event = json.readTree(line);
                if (event.path("type").asText().equals("MessageRecorded")) {
                    JsonNode payload = event.path("payload");
                    exported.computeIfAbsent(event.path("stream").asText(), stream -> new ArrayList<>())
                            .add(payload.path("messageId").asText() + " " + payload.path("authorRole").asText() + " "
                                    + hex(payload.path("text").asText().getBytes(StandardCharsets.UTF_8)));
                }
            }
            Map<String, List<String>> expected = new LinkedHashMap<>();
            raw.forEach((id, messages) -> {
                if (messages.get(0).customer().equals(customer)) {
                    expected.put("jddc-" + id, messages.stream().filter(m -> m.hex() != null)
                            .map(m -> m.id() + " " + m.role() + " " + m.hex()).toList());
                }
            });
            assertThat(exported).as("customer " + customer).isEqualTo(expected);
        }
    }

    @Test
    void theLedgerVerifiesIntactAfterTheImport(@TempDir Path dir) throws IOException {
        Path password = Files.writeString(dir.resolve("password"), database.password());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = ReplayCli.run(new String[]{"verify", "--jdbc-url", database.url(), "--user", database.user(),
                "--password-file", password.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("INTACT");
    }

    @Test
    void importingTheSameFileAgainAppendsNothing(@TempDir Path dir) throws IOException {
        JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
        Long before = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);

        Importer.Summary again = ImportCli.importer(ledger).run(new JddcChatLogs(), SAMPLE, new Importer.Run(
                Map.of(), OCCURRED_AT, false, dir.resolve("again.csv"), "run-2", 16), null);

        assertThat(again.skipped()).isEqualTo(raw.size());
        assertThat(again.imported()).isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class))
                .isEqualTo(before);
    }

    /** A session's messages as the timeline read model gives them: id, author role and the text's UTF-8, in hex. */
    private static List<String> timelineMessages(QueryGateway queries, String session) {
        List<String> messages = new ArrayList<>();
        Long after = null;
        do {
            Optional<SessionView> view = queries.query(new FindSession(new SessionId("jddc-" + session), after,
                    FindSession.MAX_LIMIT), ResponseTypes.optionalInstanceOf(SessionView.class)).join();
            assertThat(view).as("session " + session + " on the timeline").isPresent();
            for (TimelineEntryView entry : view.get().entries()) {
                if (entry.kind() == TimelineEntryKind.MESSAGE) {
                    messages.add(entry.details().get("messageId") + " " + entry.actorRole() + " "
                            + hex(entry.text().getBytes(StandardCharsets.UTF_8)));
                }
            }
            after = view.get().nextAfterSequence();
        } while (after != null);
        return messages;
    }

    private static int run(String... args) {
        return ReplayCli.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /**
     * The file's sessions, in the order they start, each with its messages as this test reads the bytes: lines end
     * at LF, fields at TAB (seven of them, or the test fails), an agent's turn (sender 1) is cut at each
     * {@code !@@@!}; a part that is blank or {@code NULL} is no message (its hex is null), as docs/IMPORTING.md says.
     */
    static Map<String, List<Message>> raw() throws IOException {
        byte[] bytes = Files.readAllBytes(SAMPLE);
        Map<String, List<Message>> sessions = new LinkedHashMap<>();
        int start = 0;
        long number = 0;
        for (int end = 0; end <= bytes.length; end++) {
            if (end < bytes.length && bytes[end] != '\n') {
                continue;
            }
            if (end == bytes.length && start == end) {
                break;
            }
            number++;
            List<byte[]> fields = split(Arrays.copyOfRange(bytes, start, end), new byte[]{'\t'});
            start = end + 1;
            assertThat(fields).as("line " + number + " of the sample").hasSize(7);
            String session = text(fields.get(0));
            String customer = text(fields.get(1));
            boolean agent = text(fields.get(2)).equals("1");
            boolean transfer = text(fields.get(3)).equals("1");
            List<byte[]> parts = agent ? split(fields.get(6), SEPARATOR) : List.of(fields.get(6));
            List<Message> messages = sessions.computeIfAbsent(session, id -> new ArrayList<>());
            for (int k = 0; k < parts.size(); k++) {
                String id = parts.size() == 1 ? "line-" + number : "line-" + number + "-" + (k + 1);
                String part = text(parts.get(k));
                boolean message = !part.isBlank() && !part.equals("NULL");
                messages.add(new Message(id, agent ? "AGENT" : "CUSTOMER", customer, transfer,
                        message ? hex(parts.get(k)) : null));
            }
        }
        return sessions;
    }

    private static List<byte[]> split(byte[] bytes, byte[] separator) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i + separator.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + separator.length, separator, 0, separator.length)) {
                parts.add(Arrays.copyOfRange(bytes, from, i));
                from = i + separator.length;
                i = from - 1;
            }
        }
        parts.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return parts;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
