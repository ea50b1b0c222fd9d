package com.interactionledger.replay;

import com.interactionledger.projections.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayCliTest {

    private record Outcome(int exitCode, String out, String err) {
    }

    /** Wrong usage: exit code 2, nothing on stdout, and one line on stderr that says what is wrong. */
    private static Outcome wrongUsage(String line) {
        return new Outcome(ReplayCli.USAGE, "", line + "\n");
    }

    private static TestPostgres.Database ledger;

    @BeforeAll
    static void ledgerWithOneGap() throws Exception {
        ledger = TestPostgres.freshDatabase("replay");
        try (Connection connection = ledger.connect()) {
            LedgerStatsTest.writeFixture(connection);
        }
    }

    /**
     * Where the test's database is and how to log in: its password from a file (the test PostgreSQL may take none,
     * and then the file is empty), as a regulator gives it.
     */
    private static String[] connection(TestPostgres.Database database) {
        return new String[] {"--jdbc-url", database.url(), "--user", database.user(), "--password-file",
                secretFile(database.password()).toString()};
    }

    /** A file holding the secret, as an editor leaves it (a line break at the end). */
    private static Path secretFile(String secret) {
        try {
            Path file = Files.createTempFile("replay-secret", ".txt");
            file.toFile().deleteOnExit();
            return Files.writeString(file, secret + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = ReplayCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statsPrintsTheReportOfTheLedger() {
        Outcome outcome = run(concat(new String[] {"stats"}, connection(ledger)));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.out()).isEqualTo("""
                Ledger statistics for %s
                events                     7
                first global index         1
                last global index (head)   8
                gaps in global index       1
                sessions                   3
                customers                  2
                events without customerId  0
                events by type:
                  IntentRecorded   1
                  MessageRecorded  2
                  SessionClosed    1
                  SessionStarted   3
                """.formatted(ledger.url()));
    }

    @Test
    void statsOnAnEmptyLedgerSaysNoneRatherThanInventingPositions() throws Exception {
        TestPostgres.Database empty = TestPostgres.freshDatabase("replay_cli_empty");
        try (Connection connection = empty.connect()) {
            EventStoreFixture.createEventStore(connection, "postgresql");
        }

        Outcome outcome = run(concat(new String[] {"stats"}, connection(empty)));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("events                     0\n",
                "first global index         none\n", "last global index (head)   none\n", "events by type: none\n");
    }

    @Test
    void statsWithoutEventStoreTableFailsWithOneLineAndExitCode1() {
        TestPostgres.Database noSchema = TestPostgres.freshDatabase("replay_cli_noschema");

        Outcome outcome = run(concat(new String[] {"stats"}, connection(noSchema)));

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err().lines()).singleElement().asString()
                .startsWith("stats: cannot read the ledger at " + noSchema.url() + ": ")
                .contains("domainevententry");
    }

    @Test
    void statsAgainstUnreachableDatabaseFailsWithOneLineAndNoStackTrace() {
        Outcome outcome = run("stats", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err().lines()).singleElement().asString()
                .startsWith("stats: cannot connect to jdbc:postgresql://127.0.0.1:1/x: ")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void anH2UrlWhereNoH2DriverIsSaysWhichJarReadsTheEmbeddedDefault() {
        // The service image carries no H2; the platform class loader stands in for its class path here.
        ClassLoader withoutH2 = ClassLoader.getPlatformClassLoader();
        String h2 = "jdbc:h2:file:./data/ledger;MODE=PostgreSQL";

        assertThat(ConnectionOptions.missingDriver(h2, withoutH2)).hasValueSatisfying(why -> assertThat(why)
                .contains("no H2 driver").contains("scripts/replay-tools.sh"));
        assertThat(ConnectionOptions.missingDriver(h2, ReplayCliTest.class.getClassLoader()))
                .as("where H2 is, its own error is told").isEmpty();
        assertThat(ConnectionOptions.missingDriver("jdbc:postgresql://127.0.0.1:1/x", withoutH2)).isEmpty();
    }

    @Test
    void statsNeverEchoesTheQueryStringOfTheUrl() {
        Outcome outcome = run("stats", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x?password=s3cret");

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(outcome.err()).doesNotContain("s3cret");
    }

    @Test
    void statsWithoutJdbcUrlSaysSoInOneLineWithExitCode2() {
        Outcome missing = run("stats", "--user", "postgres");
        Outcome blank = run("stats", "--jdbc-url", " ");

        assertThat(missing).isEqualTo(wrongUsage("stats: --jdbc-url is required"));
        assertThat(blank).isEqualTo(wrongUsage("stats: --jdbc-url is required"));
    }

    @Test
    void statsWithAnUnknownOrIncompleteOptionSaysWhichInOneLineWithExitCode2() {
        Outcome unknown = run("stats", "--jdbc-url", ledger.url(), "--verbose");
        Outcome incomplete = run("stats", "--jdbc-url");
        Outcome misspelt = run("stats", "--jdbc_url", ledger.url());

        assertThat(unknown).isEqualTo(wrongUsage("stats: unknown option --verbose"));
        assertThat(incomplete).isEqualTo(wrongUsage("stats: --jdbc-url needs a value"));
        // The typo is named, rather than the --jdbc-url it leaves missing.
        assertThat(misspelt).isEqualTo(wrongUsage("stats: unknown option --jdbc_url"));
    }

    @Test
    void rebuildWithoutANameOrAServiceSaysWhichIsMissingInOneLineWithExitCode2() {
        Outcome nameless = run("rebuild", "--url", "http://127.0.0.1:1");
        Outcome nowhere = run("rebuild", "timeline");
        Outcome badTimeout = run("rebuild", "timeline", "--url", "http://127.0.0.1:1", "--timeout", "an hour");

        assertThat(nameless).isEqualTo(wrongUsage("rebuild: name the read model to rebuild"));
        assertThat(nowhere).isEqualTo(wrongUsage("rebuild: --url is required"));
        assertThat(badTimeout).isEqualTo(wrongUsage("rebuild: --timeout must be an ISO-8601 duration such as PT30M"));
    }

    @Test
    void rebuildOfOneCustomerAgainstNoServiceSaysSoAndExitCode1() {
        Outcome outcome = run("rebuild", "timeline", "--url", "http://127.0.0.1:1", "--customer", "c-1");

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).startsWith("rebuild: cannot reach http://127.0.0.1:1");
    }


    @Test
    void verifyOnAStoreWithoutHashChainFailsWithExitCode1NotAPass() {
        Outcome outcome = run(concat(new String[] {"verify"}, connection(ledger)));

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err().lines()).singleElement().asString()
                .startsWith("verify: cannot read the ledger at " + ledger.url() + ": ").contains("ledger_");
    }

    @Test
    void verifyWithAMissingOrMalformedDigestFileSaysWhichAndExitCode2() throws Exception {
        java.nio.file.Path malformed = java.nio.file.Files.createTempFile("digests", ".jsonl");
        java.nio.file.Files.writeString(malformed, "{\"position\":3,\"chainHash\":\"abc\",\"events\":3}\n");
        String[] connection = connection(ledger);

        Outcome missing = run(concat(new String[] {"verify", "--digests", "/nonexistent/digests.jsonl"}, connection));
        Outcome bad = run(concat(new String[] {"verify", "--digests", malformed.toString()}, connection));

        assertThat(missing).isEqualTo(wrongUsage("verify: no such file /nonexistent/digests.jsonl"));
        assertThat(bad.exitCode()).isEqualTo(ReplayCli.USAGE);
        assertThat(bad.err()).startsWith("verify: " + malformed + " line 1 is not a digest");
    }

    @Test
    void digestsOnAStoreWithoutHashChainFailsWithExitCode1() {
        Outcome outcome = run(concat(new String[] {"digests"}, connection(ledger)));

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(outcome.err()).startsWith("digests: cannot read the ledger at ");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void exportWithoutASigningKeyOrScopeSaysWhatIsMissingAndExitCode2() {
        String[] connection = connection(ledger);

        Outcome unsigned = run(concat(new String[] {"export", "--out", "/tmp/never-written", "--customer", "c-1",
                "--as-of", "2026-01-01T00:00:00Z"}, connection));
        Outcome mixed = run(concat(new String[] {"export", "--out", "/tmp/never-written", "--signing-key", "k.pem",
                "--customer", "c-1", "--from", "2026-01-01T00:00:00Z"}, connection));
        Outcome badInstant = run(concat(new String[] {"export", "--out", "/tmp/never-written", "--signing-key",
                "k.pem", "--from", "yesterday", "--to", "2026-01-01T00:00:00Z"}, connection));

        assertThat(unsigned.exitCode()).isEqualTo(ReplayCli.USAGE);
        assertThat(unsigned.err()).startsWith("export: an export is signed: give --signing-key");
        assertThat(mixed).isEqualTo(wrongUsage("export: --customer goes with --as-of, not with --from and --to"));
        assertThat(badInstant).isEqualTo(
                wrongUsage("export: --from must be an ISO-8601 instant such as 2026-01-31T09:00:00Z"));
    }

    @Test
    void verifyExportOfADirectoryWithoutAPackageSaysSoAndExitCode4() throws Exception {
        java.nio.file.Path keys = java.nio.file.Files.createTempDirectory("keys");
        assertThat(run("keygen", "--out", keys.toString()).exitCode()).isZero();
        java.nio.file.Path empty = java.nio.file.Files.createTempDirectory("empty-export");

        Outcome outcome = run("verify-export", "--dir", empty.toString(), "--public-key",
                keys.resolve("export-public-key.pem").toString());

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.BROKEN);
        assertThat(outcome.out()).contains("CHANGED", "the package lacks manifest.json or manifest.sig");
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "-h"})
    void helpPrintsUsageOnStderrAndExitCode0(String help) {
        Outcome outcome = run(help);

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).isEqualTo(ReplayCli.USAGE_TEXT).contains("stats --jdbc-url URL");
    }

    @Test
    void noArgumentsShowsUsageAndExitCode2() {
        Outcome outcome = run();

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.USAGE).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo(ReplayCli.USAGE_TEXT);
    }

    @Test
    void unknownSubcommandNamesItShowsUsageAndExitCode2() {
        Outcome outcome = run("frobnicate");

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.USAGE);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).startsWith("unknown subcommand: frobnicate\n").endsWith(ReplayCli.USAGE_TEXT);
    }

    @Test
    void helpListsEverySubcommandWithWhatToTypeAndTheExitCodes() {
        Outcome outcome = run("--help");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).isEmpty();
        // A subcommand's line starts with two spaces and its name; its description and wrapped options are indented more.
        List<String> listed = outcome.err().lines().dropWhile(line -> !line.equals("Commands:")).skip(1)
                .takeWhile(line -> !line.isEmpty()).filter(line -> line.matches("  \\S.*"))
                .map(line -> line.trim().split(" ")[0]).toList();
        assertThat(listed).containsExactly("stats", "verify", "digests", "history", "export", "verify-export", "keygen",
                "status", "rebuild", "help", "completion");
        assertThat(outcome.err()).contains(
                "\n  verify --jdbc-url URL [--user U] [--password-file FILE] [--digests FILE]\n",
                "\n  rebuild NAME --url SERVICE [--token-file FILE] [--timeout DURATION] [--customer ID]\n",
                "\n  verify-export --dir DIR --public-key PEM\n");
        assertThat(outcome.err()).contains("Exit codes:\n  0   done (verify: intact)\n",
                "\n  1   database or service unreachable or unreadable\n", "\n  2   wrong usage or unreadable input\n",
                "\n  4   verify found the ledger broken, or verify-export a package changed\n",
                "\n  5   no such customer or read model\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            stats         | --jdbc-url URL,--user U,--password-file FILE
            verify        | --jdbc-url URL,--user U,--password-file FILE,--digests FILE
            digests       | --jdbc-url URL,--user U,--password-file FILE,--out FILE
            history       | --jdbc-url URL,--user U,--password-file FILE,--customer ID,--as-of INSTANT
            export        | --jdbc-url URL,--password-file FILE,--out DIR,--signing-key PEM,--customer ID,--as-of INSTANT,--from INSTANT,--to INSTANT
            verify-export | --dir DIR,--public-key PEM
            keygen        | --out DIR
            status        | --url SERVICE,--token-file FILE
            rebuild       | NAME,--url SERVICE,--token-file FILE,--timeout DURATION,--customer ID
            completion    | -h
            """)
    void eachSubcommandHasItsOwnHelpWithItsOptionsAndExitCodes(String subcommand, String options) {
        Outcome help = run(subcommand, "--help");
        Outcome shortForm = run(subcommand, "-h");
        Outcome viaHelp = run("help", subcommand);

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).isEmpty();
        assertThat(help.err()).startsWith("Usage: replay-tools " + subcommand + " ")
                .contains(options.split(",")).contains("  -h, --help ", "\nExit codes:\n  0   ")
                // The options kept only to refuse a secret are not offered.
                .doesNotContain("--password ", "--password=", "--token ", "--token=");
        assertThat(shortForm.err()).isEqualTo(help.err());
        assertThat(viaHelp.exitCode()).isZero();
        assertThat(viaHelp.err()).isEqualTo(help.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"stats", "verify", "digests", "history", "export", "verify-export", "keygen", "status",
            "rebuild", "completion"})
    void anUnknownOptionIsNamedInOneLineOnStderrWithExitCode2(String subcommand) {
        Outcome outcome = run(subcommand, "--frobnicate");

        assertThat(outcome).isEqualTo(wrongUsage(subcommand + ": unknown option --frobnicate"));
    }

    @Test
    void versionNamesTheToolAndTheFormatsItReadsAndWrites() {
        Outcome outcome = run("--version");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err().lines()).hasSize(2).first().asString().startsWith("replay-tools ");
        assertThat(outcome.err()).endsWith(
                "hash chain interaction-ledger/event/v1, export packages interaction-ledger-export/v1\n");
    }

    @Test
    void completionPrintsABashScriptThatCompletesSubcommandsOptionsAndReadModels() throws Exception {
        Outcome outcome = run("completion");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.out()).startsWith("#!/usr/bin/env bash\n")
                .contains("\ncomplete -F _complete_replay-tools -o default replay-tools replay-tools.sh ");
        Path script = Files.createTempFile("replay-tools", ".bash");
        Files.writeString(script, outcome.out());

        assertThat(complete(script, "scripts/replay-tools.sh", "ver")).containsExactly("verify", "verify-export");
        assertThat(complete(script, "scripts/replay-tools.sh", "rebuild", "ti")).containsExactly("timeline");
        assertThat(complete(script, "scripts/replay-tools.sh", "verify", "--"))
                .containsExactlyInAnyOrder("--jdbc-url", "--user", "--password-file", "--digests", "--help");
        assertThat(complete(script, "scripts/replay-tools.sh", "status", "--"))
                .containsExactlyInAnyOrder("--url", "--token-file", "--help");
    }

    /** What bash offers on TAB after {@code words} (the last one being completed), with the script sourced. */
    private static List<String> complete(Path script, String... words) throws Exception {
        String call = "source \"$0\"; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); _complete_replay-tools;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"";
        // compopt complains outside a real completion; that goes to stderr, the answers to stdout.
        Process bash = new ProcessBuilder(concat(new String[] {"bash", "-c", call, script.toString()}, words))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String offered = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).isZero();
        return offered.lines().filter(line -> !line.isEmpty()).toList();
    }
}
