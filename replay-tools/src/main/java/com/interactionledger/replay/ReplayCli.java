package com.interactionledger.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.interactionledger.contracts.ledger.LedgerDigest;
import com.interactionledger.projections.history.CustomerHistory;
import com.interactionledger.projections.history.LedgerHistory;
import com.interactionledger.replay.verify.DigestFile;
import com.interactionledger.replay.verify.Finding;
import com.interactionledger.replay.verify.LedgerVerifier;
import com.interactionledger.replay.verify.VerificationReport;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line tools that read the ledger directly, without starting the application:
 * {@code scripts/replay-tools.sh <subcommand> --jdbc-url URL ...} (README, "Replay tools" and "For regulators").
 * <p>
 * Exit codes: 0 done (and, for verify, the ledger is intact), 1 the database could not be reached or read, 2 wrong
 * usage, 3 subcommand not built yet, 4 verify found the ledger broken, 5 history of a customer the ledger does not
 * know.
 */
public final class ReplayCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_AVAILABLE = 3;
    public static final int BROKEN = 4;
    public static final int NOT_FOUND = 5;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final String USAGE_TEXT = """
            Usage: ReplayCli <subcommand> [options]

            Subcommands:
              stats --jdbc-url URL [--user U] [--password P]
                    Counts events, head position, gaps, sessions, customers and events per type.
              verify --jdbc-url URL [--user U] [--password P] [--digests FILE]
                    Recomputes the hash chain and checks every link, stream and digest (the ledger's own and
                    those kept in FILE); names the first broken position and what is wrong there.
              digests --jdbc-url URL [--user U] [--password P] [--out FILE]
                    Writes the ledger's digests and its current head as JSON Lines, for a regulator to keep.
              history --jdbc-url URL [--user U] [--password P] --customer ID [--as-of INSTANT]
                    A customer's complete history as the ledger held it at INSTANT (ISO-8601; all so far if absent):
                    every event in global order with its chain hash, and each session's and complaint's state.
              export | rebuild
                    Not available yet (planned in the regulator replay issue).
              help  Shows this text.

            Exit codes: 0 done (verify: intact), 1 database unreachable or unreadable, 2 wrong usage,
            3 not available yet, 4 verify found the ledger broken, 5 history: no such customer.
            """;

    private ReplayCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        String subcommand = args[0];
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        return switch (subcommand) {
            case "help", "--help", "-h" -> {
                err.print(USAGE_TEXT);
                yield OK;
            }
            case "stats" -> onLedger(subcommand, options, Set.of(), err, (connection, target) -> {
                out.print(StatsReport.format(target.displayUrl(), new LedgerStats().compute(connection)));
                out.flush();
                return OK;
            });
            case "verify" -> onLedger(subcommand, options, Set.of("--digests"), err,
                    (connection, target) -> verify(connection, target, out));
            case "digests" -> onLedger(subcommand, options, Set.of("--out"), err,
                    (connection, target) -> digests(connection, target, out));
            case "history" -> onLedger(subcommand, options, Set.of("--customer", "--as-of"), err,
                    (connection, target) -> history(connection, target, out, err));
            case "export", "rebuild" -> {
                // Exit 3, not 0: a script must not mistake a missing export for a finished one.
                err.println(subcommand + ": not available yet — planned in the regulator replay issue");
                yield NOT_AVAILABLE;
            }
            default -> {
                err.println("unknown subcommand: " + subcommand);
                err.print(USAGE_TEXT);
                yield USAGE;
            }
        };
    }

    private static int verify(Connection connection, Target target, PrintStream out) throws SQLException, IOException {
        String file = target.option("--digests");
        List<LedgerDigest> kept = file == null ? List.of() : DigestFile.read(Path.of(file));
        VerificationReport report = LedgerVerifier.verify(connection, kept);
        out.println("Ledger verification of " + target.displayUrl());
        line(out, "events", report.events());
        line(out, "links", report.links());
        line(out, "streams", report.streams());
        line(out, "digests", report.digests() + (file == null ? "" : " (" + kept.size() + " from " + file + ")"));
        line(out, "head", report.headPosition() + " " + report.headChainHash());
        if (report.intact()) {
            line(out, "result", "INTACT");
            out.flush();
            return OK;
        }
        Finding first = report.firstBroken().orElseThrow();
        line(out, "result", "BROKEN (" + report.totalFindings() + " findings)");
        line(out, "first broken position", first.position() + " " + first.kind());
        for (Finding finding : report.findings()) {
            out.println("  " + finding.position() + " " + finding.kind() + ": " + finding.detail());
        }
        if (report.totalFindings() > report.findings().size()) {
            out.println("  ... and " + (report.totalFindings() - report.findings().size()) + " more");
        }
        out.flush();
        return BROKEN;
    }

    private static int digests(Connection connection, Target target, PrintStream out) throws SQLException, IOException {
        List<LedgerDigest> digests = DigestFile.current(connection);
        String file = target.option("--out");
        if (file == null) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            DigestFile.write(digests, writer);
        } else {
            try (Writer writer = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
                DigestFile.write(digests, writer);
            }
        }
        return OK;
    }

    private static int history(Connection connection, Target target, PrintStream out, PrintStream err)
            throws SQLException, IOException {
        String customer = target.option("--customer");
        if (customer == null) {
            throw new IllegalArgumentException("--customer is required");
        }
        String asOf = target.option("--as-of");
        Instant instant;
        try {
            instant = asOf == null ? null : Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be an ISO-8601 instant such as 2026-01-31T09:00:00Z");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            // One snapshot: events, links and the customer index agree while appends go on.
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            if (!LedgerHistory.knows(connection, customer)) {
                err.println("history: the ledger holds nothing about " + customer);
                return NOT_FOUND;
            }
            CustomerHistory history = LedgerHistory.asOf(connection, customer, instant);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(history));
            out.flush();
            return OK;
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(autoCommit);
        }
    }

    private interface LedgerAction {
        int run(Connection connection, Target target) throws SQLException, IOException;
    }

    /** Parses the options, connects, runs the action, and turns failures into one line and an exit code. */
    private static int onLedger(String subcommand, String[] options, Set<String> extraOptions, PrintStream err,
                                LedgerAction action) {
        Target target;
        try {
            target = Target.parse(options, extraOptions);
        } catch (IllegalArgumentException e) {
            err.println(subcommand + ": " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Connection connection;
        try {
            connection = target.connect();
        } catch (SQLException e) {
            err.println(subcommand + ": cannot connect to " + target.displayUrl() + ": " + oneLine(e));
            return FAILED;
        }
        try (connection) {
            return action.run(connection, target);
        } catch (SQLException e) {
            err.println(subcommand + ": cannot read the ledger at " + target.displayUrl() + ": " + oneLine(e));
            return FAILED;
        } catch (NoSuchFileException e) {
            err.println(subcommand + ": no such file " + e.getFile());
            return USAGE;
        } catch (IOException | IllegalArgumentException e) {
            err.println(subcommand + ": " + oneLine(e));
            return USAGE;
        }
    }

    private static void line(PrintStream out, String label, Object value) {
        out.println(label + " ".repeat(Math.max(1, 27 - label.length())) + value);
    }

    // Driver messages can span lines (PostgreSQL appends "Position:" and hints); one line reads well in a job's log.
    private static String oneLine(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.replaceAll("\\s+", " ").trim();
    }

    /** Where to read the ledger, and the subcommand's own options. */
    record Target(String url, String user, String password, Map<String, String> options) {

        private static final Set<String> CONNECTION = Set.of("--jdbc-url", "--user", "--password");

        static Target parse(String[] options, Set<String> extraOptions) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < options.length; i++) {
                String option = options[i];
                if (!CONNECTION.contains(option) && !extraOptions.contains(option)) {
                    throw new IllegalArgumentException("unknown option " + option);
                }
                if (i + 1 >= options.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                values.put(option, options[++i]);
            }
            String url = values.remove("--jdbc-url");
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("--jdbc-url is required");
            }
            return new Target(url, values.remove("--user"), values.remove("--password"), Map.copyOf(values));
        }

        String option(String name) {
            return options.get(name);
        }

        Connection connect() throws SQLException {
            // Null user and password let credentials embedded in the URL (or the driver's defaults) apply.
            return DriverManager.getConnection(url, user, password);
        }

        /** The URL without its query string, which may carry a password and ends up in terminals and logs. */
        String displayUrl() {
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query);
        }

        // The record's default toString would print the password wherever a Target is logged.
        @Override
        public String toString() {
            return "Target[url=" + displayUrl() + ", user=" + user + "]";
        }
    }
}
