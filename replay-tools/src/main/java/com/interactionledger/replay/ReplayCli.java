package com.interactionledger.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.ledger.LedgerDigest;
import com.interactionledger.contracts.privacy.CustomerKeys;
import com.interactionledger.contracts.privacy.MasterKeys;
import com.interactionledger.contracts.privacy.PersonalDataSerializer;
import com.interactionledger.projections.history.CustomerHistory;
import com.interactionledger.projections.history.LedgerHistory;
import com.interactionledger.replay.export.ExportKeys;
import com.interactionledger.replay.export.ExportScope;
import com.interactionledger.replay.export.ExportVerifier;
import com.interactionledger.replay.export.LedgerExport;
import com.interactionledger.replay.rebuild.ProjectionClient;
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
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line tools that read the ledger directly, without starting the application:
 * {@code scripts/replay-tools.sh <subcommand> --jdbc-url URL ...} (docs/REGULATORS.md).
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

    private static final ObjectMapper JSON = ReplayJson.MAPPER;

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
              export --jdbc-url URL [--user U] [--password P] --out DIR [--signing-key PEM]
                     (--customer ID --as-of INSTANT | --from INSTANT --to INSTANT)
                    Writes a signed export package into DIR: events.jsonl, report.html, manifest.json and
                    manifest.sig. The key (Ed25519, PKCS#8 PEM) comes from --signing-key or the file named by
                    LEDGER_EXPORT_SIGNING_KEY.
              verify-export --dir DIR --public-key PEM
                    Checks a package's signature, files and counts; exit 4 if anything was changed.
              keygen --out DIR
                    Writes a new Ed25519 key pair: export-signing-key.pem and export-public-key.pem.
              status --url SERVICE [--token TOKEN]
                    Lag, replay and dead letters of every event processor of a running service
                    (e.g. --url http://localhost:8080). Needs an ADMIN bearer token: --token, or
                    (kept out of the shell history) the environment variable LEDGER_TOKEN.
              rebuild NAME --url SERVICE [--token TOKEN] [--timeout DURATION] [--customer ID]
                    Resets the read model NAME (timeline, complaints, risk-warnings, audit, service-analytics)
                    on the service and follows its replay with a progress bar until it has caught up; with
                    --customer, rebuilds only that customer's rows from their events.
              help  Shows this text.

            Exit codes: 0 done (verify: intact), 1 database unreachable or unreadable, 2 wrong usage,
            3 not available yet, 4 verify found the ledger broken, 5 no such customer or read model.
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
            case "export" -> onLedger(subcommand, options, Set.of("--out", "--signing-key", "--customer", "--as-of",
                    "--from", "--to"), err, (connection, target) -> export(connection, target, out));
            case "verify-export" -> offline(subcommand, options, Set.of("--dir", "--public-key"), err,
                    values -> verifyExport(values, out));
            case "keygen" -> offline(subcommand, options, Set.of("--out"), err, values -> {
                ExportKeys.generate(Path.of(required(values, "--out")));
                out.println("wrote " + Path.of(values.get("--out")).resolve("export-signing-key.pem")
                        + " (keep it secret) and export-public-key.pem");
                return OK;
            });
            case "status" -> overHttp(subcommand, options, Set.of("--url", "--token"), err,
                    (client, values) -> {
                        client.printStatus(out);
                        return OK;
                    });
            case "rebuild" -> {
                if (options.length == 0 || options[0].startsWith("--")) {
                    err.println("rebuild: name the read model to rebuild");
                    err.print(USAGE_TEXT);
                    yield USAGE;
                }
                String name = options[0];
                String[] rest = Arrays.copyOfRange(options, 1, options.length);
                yield overHttp(subcommand, rest, Set.of("--url", "--token", "--timeout", "--customer"), err, (client, values) -> {
                    if (values.containsKey("--customer")) {
                        client.rebuildCustomer(name, values.get("--customer"), out);
                    } else {
                        client.rebuild(name, values.containsKey("--timeout") ? Duration.parse(values.get("--timeout"))
                                : Duration.ofHours(1), out);
                    }
                    return OK;
                });
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
        String customer = required(target.options(), "--customer");
        String asOf = target.option("--as-of");
        Instant instant = asOf == null ? null : instant("--as-of", asOf);
        // One snapshot: events, links and the customer index agree while appends go on.
        CustomerHistory history = ReadSnapshot.<CustomerHistory, RuntimeException>read(connection, () ->
                LedgerHistory.knows(connection, customer)
                        ? LedgerHistory.asOf(connection, customer, instant).opened(target.personalData()) : null);
        if (history == null) {
            err.println("history: the ledger holds nothing about " + customer);
            return NOT_FOUND;
        }
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(history));
        out.flush();
        return OK;
    }

    private static int export(Connection connection, Target target, PrintStream out)
            throws SQLException, IOException, GeneralSecurityException {
        String directory = required(target.options(), "--out");
        String key = target.option("--signing-key") != null ? target.option("--signing-key")
                : System.getenv("LEDGER_EXPORT_SIGNING_KEY");
        if (key == null) {
            throw new IllegalArgumentException("an export is signed: give --signing-key PEM or set"
                    + " LEDGER_EXPORT_SIGNING_KEY (replay-tools keygen makes a key pair)");
        }
        ExportScope scope;
        if (target.option("--customer") != null) {
            if (target.option("--from") != null || target.option("--to") != null) {
                throw new IllegalArgumentException("--customer goes with --as-of, not with --from and --to");
            }
            scope = new ExportScope.Customer(target.option("--customer"),
                    instant("--as-of", required(target.options(), "--as-of")));
        } else {
            scope = new ExportScope.Window(instant("--from", required(target.options(), "--from")),
                    instant("--to", required(target.options(), "--to")));
        }
        LedgerExport.Result result = LedgerExport.write(connection, scope, Path.of(directory),
                ExportKeys.privateKey(Path.of(key)), target.personalData());
        out.println("exported " + result.events() + " events to " + result.directory() + " (ledger head at the"
                + " instant: " + (result.head() == null ? "none" : "position " + result.head().position()) + ")");
        return OK;
    }

    private static int verifyExport(Map<String, String> values, PrintStream out)
            throws IOException, GeneralSecurityException {
        Path directory = Path.of(required(values, "--dir"));
        List<String> problems = ExportVerifier.problems(directory,
                ExportKeys.publicKey(Path.of(required(values, "--public-key"))));
        if (problems.isEmpty()) {
            out.println("export " + directory + ": INTACT, signed by the holder of this key");
            return OK;
        }
        out.println("export " + directory + ": CHANGED");
        problems.forEach(problem -> out.println("  " + problem));
        return BROKEN;
    }

    private static Instant instant(String option, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 instant such as 2026-01-31T09:00:00Z");
        }
    }

    private static String required(Map<String, String> values, String option) {
        String value = values.get(option);
        if (value == null) {
            throw new IllegalArgumentException(option + " is required");
        }
        return value;
    }

    private interface HttpAction {
        int run(ProjectionClient client, Map<String, String> values)
                throws IOException, InterruptedException, ProjectionClient.Refused;
    }

    /** A subcommand that talks to a running service: its answer's problem detail becomes one line and a code. */
    private static int overHttp(String subcommand, String[] options, Set<String> allowed, PrintStream err,
                                HttpAction action) {
        Map<String, String> values;
        try {
            values = Target.options(options, allowed);
            required(values, "--url");
        } catch (IllegalArgumentException e) {
            err.println(subcommand + ": " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            return action.run(new ProjectionClient(values.get("--url"),
                    values.getOrDefault("--token", System.getenv("LEDGER_TOKEN"))), values);
        } catch (ProjectionClient.Refused e) {
            err.println(subcommand + ": " + e.getMessage());
            return e.status() == 404 ? NOT_FOUND : FAILED;
        } catch (DateTimeParseException e) {
            err.println(subcommand + ": --timeout must be an ISO-8601 duration such as PT30M");
            return USAGE;
        } catch (IOException e) {
            err.println(subcommand + ": cannot reach " + values.get("--url") + ": " + oneLine(e));
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(subcommand + ": interrupted");
            return FAILED;
        }
    }

    private interface OfflineAction {
        int run(Map<String, String> values) throws IOException, GeneralSecurityException;
    }

    /** A subcommand that needs no database: parses its options and turns failures into one line and a code. */
    private static int offline(String subcommand, String[] options, Set<String> allowed, PrintStream err,
                               OfflineAction action) {
        try {
            return action.run(Target.options(options, allowed));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return badInput(subcommand, e, err);
        }
    }

    /** Wrong options, or a file that cannot be read or is not what it should be: one line, exit code 2. */
    private static int badInput(String subcommand, Exception e, PrintStream err) {
        err.println(subcommand + ": " + (e instanceof NoSuchFileException missing ? "no such file " + missing.getFile()
                : oneLine(e)));
        return USAGE;
    }

    private interface LedgerAction {
        int run(Connection connection, Target target) throws SQLException, IOException, GeneralSecurityException;
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
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return badInput(subcommand, e, err);
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
            Set<String> allowed = new java.util.HashSet<>(CONNECTION);
            allowed.addAll(extraOptions);
            Map<String, String> values = options(options, allowed);
            String url = values.remove("--jdbc-url");
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("--jdbc-url is required");
            }
            return new Target(url, values.remove("--user"), values.remove("--password"), Map.copyOf(values));
        }

        /** {@code --name value} pairs, each among {@code allowed}. */
        static Map<String, String> options(String[] options, Set<String> allowed) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < options.length; i++) {
                String option = options[i];
                if (!allowed.contains(option)) {
                    throw new IllegalArgumentException("unknown option " + option);
                }
                if (i + 1 >= options.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                values.put(option, options[++i]);
            }
            return values;
        }

        String option(String name) {
            return options.get(name);
        }

        /**
         * Opens personal fields with the customers' keys, unwrapped by the master keys in {@code LEDGER_MASTER_KEYS}
         * (the embedded default's development key when it is not set); keys are read on connections of their own.
         */
        PersonalDataSerializer personalData() {
            String masterKeys = System.getenv("LEDGER_MASTER_KEYS");
            CustomerKeys keys = CustomerKeys.configured(this::connect,
                    masterKeys == null || masterKeys.isBlank() ? MasterKeys.DEVELOPMENT : masterKeys,
                    Duration.ofMinutes(5));
            return new PersonalDataSerializer(LedgerSerialization.eventSerializer(), keys);
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
