package com.interactionledger.replay.export;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.interactionledger.ledger.stored.LedgerDigest;
import com.interactionledger.ledger.stored.LedgerHash;
import com.interactionledger.ledger.stored.RecordedTime;
import com.interactionledger.ledger.sealing.PersonalDataSerializer;
import com.interactionledger.projections.history.HistoryEvent;
import com.interactionledger.projections.history.HistoryStates;
import com.interactionledger.projections.history.BotAnswers;
import com.interactionledger.projections.history.LedgerHistory;
import com.interactionledger.replay.ReadSnapshot;
import com.interactionledger.replay.ReplayJson;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes an export package into a directory (docs/REGULATORS.md, "Signed exports"):
 * <ul>
 *   <li>{@code events.jsonl}: one event per line, in global order, with its position, recorded time, stream,
 *       revision, metadata, payload, event digest and chain hash;</li>
 *   <li>{@code report.html}: the same content for a person, with the states of a customer's sessions and
 *       complaints at the export's instant;</li>
 *   <li>{@code bot-answers.json} (a customer's export whose events hold bot answers): each answer's quoted article
 *       versions judged against the versions in force when it was given, as the ledger knew them at the export's
 *       instant, and the knowledge events that judgement rests on, each with its digest and chain hash
 *       (docs/BOT-ANSWERS.md);</li>
 *   <li>{@code manifest.json}: what was exported, from which ledger (schema version, hash format), the event
 *       revisions and upcasters involved, the ledger's head as it stood at the export's instant, and the SHA-256 of
 *       the two files;</li>
 *   <li>{@code manifest.sig}: the Ed25519 signature of {@code manifest.json}'s bytes.</li>
 * </ul>
 * Nothing in the package depends on when or where it is written: exporting the same scope twice gives the same
 * bytes. Events are streamed from one read-only snapshot, so a window of millions of events takes constant memory
 * (a customer's states, kept for the report, grow with that customer's sessions only).
 */
public final class LedgerExport {

    public static final String FORMAT = "interaction-ledger-export/v1";
    public static final String EVENTS = "events.jsonl";
    public static final String REPORT = "report.html";
    public static final String BOT_ANSWERS = "bot-answers.json";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";

    static final ObjectMapper JSON = ReplayJson.MAPPER;
    /** Pretty, with "\n" whatever the platform's line separator, so the manifest's bytes never vary. */
    private static final ObjectWriter MANIFEST_WRITER = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /** The code that makes the exports, as recorded when it was built (replay-tools' pom). */
    private static final Properties BUILD = build();

    private static Properties build() {
        Properties build = new Properties();
        try (InputStream in = LedgerExport.class.getResourceAsStream("/ledger-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ledger-build.properties", e);
        }
        return build;
    }

    private static String sourceCommit() {
        String commit = BUILD.getProperty("git.commit.id");
        if (commit == null || commit.isBlank()) {
            return "unknown";
        }
        return "true".equals(BUILD.getProperty("git.dirty")) ? commit + "-dirty" : commit;
    }

    /** What was written. */
    public record Result(long events, LedgerDigest head, Path directory) {
    }

    private LedgerExport() {
    }

    /**
     * @param personalData opens the events' personal fields for the regulator (erased customers' read as erased)
     */
    public static Result write(Connection connection, ExportScope scope, Path directory, PrivateKey signingKey,
                               PersonalDataSerializer personalData) throws SQLException, IOException {
        Files.createDirectories(directory);
        return ReadSnapshot.<Result, IOException>read(connection, () -> write(connection, scope, directory,
                signingKey, personalData, schemaVersion(connection), headAsOf(connection, scope.until())));
    }

    private static Result write(Connection connection, ExportScope scope, Path directory, PrivateKey signingKey,
                                PersonalDataSerializer personalData, String schemaVersion, LedgerDigest head)
            throws SQLException, IOException {
        Map<String, SortedSet<String>> revisions = new TreeMap<>();
        long[] counts = {0, Long.MAX_VALUE, 0};
        HistoryStates states = new HistoryStates();
        List<HistoryEvent> answerBases = new ArrayList<>();
        FileDigest eventsFile;
        FileDigest reportFile;
        BotAnswers botAnswers = null;
        try (FileDigest events = new FileDigest(directory.resolve(EVENTS));
             FileDigest report = new FileDigest(directory.resolve(REPORT))) {
            Writer lines = new OutputStreamWriter(events.stream, StandardCharsets.UTF_8);
            ExportReport page = new ExportReport(new OutputStreamWriter(report.stream, StandardCharsets.UTF_8));
            page.begin("Interaction Ledger export", facts(scope, head));
            try {
                java.util.function.Consumer<HistoryEvent> sink = stored -> {
                    HistoryEvent event = stored.opened(personalData);
                    try {
                        lines.write(JSON.writeValueAsString(event));
                        lines.write('\n');
                        page.event(event);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    revisions.computeIfAbsent(event.type(), type -> new TreeSet<>())
                            .add(String.valueOf(event.revision()));
                    counts[0]++;
                    counts[1] = Math.min(counts[1], event.position());
                    counts[2] = event.position();
                    if (scope instanceof ExportScope.Customer) {
                        states.apply(event);
                        if (LedgerHistory.isAnswerBasis(stored)) {
                            answerBases.add(stored);
                        }
                    }
                };
                if (scope instanceof ExportScope.Customer customer) {
                    LedgerHistory.read(connection, customer.customerId(), customer.asOf(), customer.validAt(), sink);
                } else if (scope instanceof ExportScope.Window window) {
                    LedgerHistory.readWindow(connection, window.from(), window.to(), sink);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            lines.flush();
            if (!answerBases.isEmpty()) {
                botAnswers = LedgerHistory.botAnswers(connection, answerBases,
                        ((ExportScope.Customer) scope).asOf());
            }
            page.end(states.sessions(), states.complaints(), botAnswers == null ? List.of() : botAnswers.answers());
            eventsFile = events;
            reportFile = report;
        }

        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        ObjectNode ledger = manifest.putObject("ledger");
        ledger.put("buildVersion", BUILD.getProperty("git.build.version", "unknown"));
        ledger.put("sourceCommit", sourceCommit());
        ledger.put("schemaVersion", schemaVersion);
        ledger.put("hashFormat", LedgerHash.EVENT_FORMAT);
        manifest.set("scope", JSON.valueToTree(scopeFields(scope)));
        ObjectNode exported = manifest.putObject("events");
        exported.put("count", counts[0]);
        if (counts[0] > 0) {
            exported.put("firstPosition", counts[1]);
            exported.put("lastPosition", counts[2]);
        }
        manifest.set("eventRevisions", JSON.valueToTree(revisions));
        // The events are exported as stored; upcasters only read old revisions for the states in the report.
        manifest.set("upcastersApplied", JSON.valueToTree(states.upcastersApplied()));
        manifest.set("ledgerHeadAtInstant", JSON.valueToTree(head));
        List<FileDigest> written = new ArrayList<>(List.of(eventsFile, reportFile));
        if (botAnswers != null) {
            try (FileDigest answers = new FileDigest(directory.resolve(BOT_ANSWERS))) {
                ObjectNode judged = JSON.createObjectNode();
                judged.set("botAnswers", JSON.valueToTree(botAnswers.answers()));
                // as stored (sealed fields sealed): each checks against the chain like the customer's events
                judged.set("articleEvents", JSON.valueToTree(botAnswers.articleEvents()));
                answers.stream.write(MANIFEST_WRITER.writeValueAsBytes(judged));
                written.add(answers);
            }
        }
        ArrayNode files = manifest.putArray("files");
        for (FileDigest file : written) {
            files.addObject().put("name", file.path.getFileName().toString()).put("bytes", file.bytes())
                    .put("sha256", file.sha256());
        }
        manifest.putObject("signature").put("algorithm", ExportKeys.ALGORITHM).put("file", SIGNATURE)
                .put("over", MANIFEST);
        byte[] manifestBytes = MANIFEST_WRITER.writeValueAsBytes(manifest);
        Files.write(directory.resolve(MANIFEST), manifestBytes);
        try {
            Files.write(directory.resolve(SIGNATURE), ExportKeys.sign(manifestBytes, signingKey));
        } catch (GeneralSecurityException e) {
            throw new IOException("could not sign the manifest with the key given: " + e.getMessage(), e);
        }
        return new Result(counts[0], head, directory);
    }

    private static Map<String, Object> scopeFields(ExportScope scope) {
        Map<String, Object> fields = new TreeMap<>();
        if (scope instanceof ExportScope.Customer customer) {
            fields.put("customerId", customer.customerId());
            fields.put("asOf", customer.asOf().toString());
            if (customer.validAt() != null) {
                fields.put("validAt", customer.validAt().toString());
            }
        } else if (scope instanceof ExportScope.Window window) {
            fields.put("from", window.from().toString());
            fields.put("to", window.to().toString());
        }
        return fields;
    }

    private static List<String[]> facts(ExportScope scope, LedgerDigest head) {
        List<String[]> facts = new ArrayList<>();
        scopeFields(scope).forEach((name, value) -> facts.add(new String[] {name, String.valueOf(value)}));
        facts.add(new String[] {"ledger head at that instant", head == null ? "empty ledger"
                : "position " + head.position() + ", " + head.events() + " events, chain hash " + head.chainHash()});
        facts.add(new String[] {"format", FORMAT});
        return facts;
    }

    /**
     * The ledger's head as it stood at {@code instant}: the last link among the events recorded by then, the chain
     * hash there and how many events the chain links up to it. Walks the event times once, streaming.
     */
    /**
     * The chain's head as the ledger stood at {@code instant}: its last event recorded at or before it. Recorded
     * times rise with positions from {@code recorded_in_order_from} on (migration 12), so there the index on recorded
     * time finds it at once; before that position (events recorded before the append path ordered them) it is found
     * by reading those events.
     */
    static LedgerDigest headAsOf(Connection connection, Instant instant) throws SQLException {
        long position = 0;
        Instant recordedAt = null;
        long inOrderFrom = 1;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT recorded_in_order_from FROM ledger_chain_head WHERE id = 1");
             ResultSet row = statement.executeQuery()) {
            if (row.next()) {
                inOrderFrom = row.getLong(1);
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT globalindex, timestamp"
                + " FROM domainevententry WHERE timestamp <= ? AND globalindex >= ?"
                + " ORDER BY timestamp DESC, globalindex DESC FETCH FIRST 1 ROWS ONLY")) {
            statement.setString(1, RecordedTime.format(instant));
            statement.setLong(2, inOrderFrom);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    position = row.getLong(1);
                    recordedAt = RecordedTime.parse(row.getString(2));
                }
            }
        }
        if (position == 0 && inOrderFrom > 1) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT globalindex, timestamp FROM domainevententry WHERE globalindex < ? ORDER BY globalindex",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(5_000);
                statement.setLong(1, inOrderFrom);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Instant at = RecordedTime.parse(rows.getString(2));
                        if (!at.isAfter(instant)) {
                            position = rows.getLong(1);
                            recordedAt = at;
                        }
                    }
                }
            }
        }
        if (position == 0) {
            return null;
        }
        // The events linked up to the head: counted from the last digest at or before it (a digest holds the count
        // at its position, and one is recorded every 15 minutes), not over the whole ledger.
        try (PreparedStatement statement = connection.prepareStatement("""
                WITH since AS (
                    SELECT COALESCE(MAX(globalindex), 0) AS globalindex FROM ledger_digest WHERE globalindex <= ?
                )
                SELECT link.chain_hash,
                    COALESCE((SELECT digest.events FROM ledger_digest digest, since
                              WHERE digest.globalindex = since.globalindex), 0)
                    + (SELECT COUNT(*) FROM ledger_chain counted, since
                       WHERE counted.globalindex > since.globalindex AND counted.globalindex <= ?)
                FROM ledger_chain link WHERE link.globalindex = ?""")) {
            statement.setLong(1, position);
            statement.setLong(2, position);
            statement.setLong(3, position);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the event at position " + position
                            + " has no link: run replay-tools verify before exporting");
                }
                return new LedgerDigest(position, row.getString(1), row.getLong(2), recordedAt);
            }
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT version FROM flyway_ledger_history"
                + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getString(1) : "unknown";
        }
    }

    /** A file being written, with its SHA-256 and size computed on the way. */
    private static final class FileDigest implements AutoCloseable {

        final Path path;
        final OutputStream stream;
        private final MessageDigest digest;
        private byte[] finished;

        FileDigest(Path path) throws IOException {
            this.path = path;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
            this.stream = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path)), digest);
        }

        long bytes() throws IOException {
            return Files.size(path);
        }

        String sha256() {
            return HexFormat.of().formatHex(finished);
        }

        @Override
        public void close() throws IOException {
            stream.close();
            finished = digest.digest();
        }
    }
}
