package com.interactionledger.replay;

import com.interactionledger.projections.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayCliTest {

    private record Outcome(int exitCode, String out, String err) {
    }

    private static TestPostgres.Database ledger;

    @BeforeAll
    static void ledgerWithOneGap() throws Exception {
        ledger = TestPostgres.freshDatabase("replay");
        try (Connection connection = ledger.connect()) {
            LedgerStatsTest.writeFixture(connection);
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
    void stats_printsTheReportOfTheLedger() {
        Outcome outcome = run("stats", "--jdbc-url", ledger.url(), "--user", ledger.user(),
                "--password", ledger.password());

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
    void stats_onAnEmptyLedger_saysNoneRatherThanInventingPositions() throws Exception {
        TestPostgres.Database empty = TestPostgres.freshDatabase("replay_cli_empty");
        try (Connection connection = empty.connect()) {
            EventStoreFixture.createEventStore(connection, "postgresql");
        }

        Outcome outcome = run("stats", "--jdbc-url", empty.url(), "--user", empty.user(),
                "--password", empty.password());

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("events                     0\n",
                "first global index         none\n", "last global index (head)   none\n", "events by type: none\n");
    }

    @Test
    void stats_withoutEventStoreTable_failsWithOneLineAndExitCode1() {
        TestPostgres.Database noSchema = TestPostgres.freshDatabase("replay_cli_noschema");

        Outcome outcome = run("stats", "--jdbc-url", noSchema.url(), "--user", noSchema.user(),
                "--password", noSchema.password());

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err().lines()).singleElement().asString()
                .startsWith("stats: cannot read the ledger at " + noSchema.url() + ": ")
                .contains("domainevententry");
    }

    @Test
    void stats_againstUnreachableDatabase_failsWithOneLineAndNoStackTrace() {
        Outcome outcome = run("stats", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err().lines()).singleElement().asString()
                .startsWith("stats: cannot connect to jdbc:postgresql://127.0.0.1:1/x: ")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void stats_neverEchoesTheQueryStringOfTheUrl() {
        Outcome outcome = run("stats", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/x?password=s3cret");

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(outcome.err()).doesNotContain("s3cret");
    }

    @Test
    void stats_withoutJdbcUrl_showsUsageAndExitCode2() {
        Outcome outcome = run("stats", "--user", "postgres");

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.USAGE);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).startsWith("stats: --jdbc-url is required\n").contains(ReplayCli.USAGE_TEXT);
    }

    @Test
    void stats_withUnknownOrIncompleteOption_showsUsageAndExitCode2() {
        Outcome unknown = run("stats", "--jdbc-url", ledger.url(), "--verbose");
        Outcome incomplete = run("stats", "--jdbc-url");

        assertThat(unknown.exitCode()).isEqualTo(ReplayCli.USAGE);
        assertThat(unknown.err()).startsWith("stats: unknown option --verbose\n").contains(ReplayCli.USAGE_TEXT);
        assertThat(incomplete.exitCode()).isEqualTo(ReplayCli.USAGE);
        assertThat(incomplete.err()).startsWith("stats: --jdbc-url needs a value\n");
    }

    @Test
    void rebuild_withoutANameOrAService_showsUsageAndExitCode2() {
        Outcome nameless = run("rebuild", "--url", "http://127.0.0.1:1");
        Outcome nowhere = run("rebuild", "timeline");

        assertThat(nameless.exitCode()).isEqualTo(ReplayCli.USAGE);
        assertThat(nameless.err()).startsWith("rebuild: name the read model to rebuild\n");
        assertThat(nowhere.exitCode()).isEqualTo(ReplayCli.USAGE);
        assertThat(nowhere.err()).startsWith("rebuild: --url is required\n");
    }

    @Test
    void rebuildOfOneCustomer_againstNoService_saysSoAndExitCode1() {
        Outcome outcome = run("rebuild", "timeline", "--url", "http://127.0.0.1:1", "--customer", "c-1");

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).startsWith("rebuild: cannot reach http://127.0.0.1:1");
    }


    @Test
    void verify_onAStoreWithoutHashChain_failsWithExitCode1NotAPass() {
        Outcome outcome = run("verify", "--jdbc-url", ledger.url(), "--user", ledger.user(),
                "--password", ledger.password());

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err().lines()).singleElement().asString()
                .startsWith("verify: cannot read the ledger at " + ledger.url() + ": ").contains("ledger_");
    }

    @Test
    void verify_withAMissingOrMalformedDigestFile_saysWhichAndExitCode2() throws Exception {
        java.nio.file.Path malformed = java.nio.file.Files.createTempFile("digests", ".jsonl");
        java.nio.file.Files.writeString(malformed, "{\"position\":3,\"chainHash\":\"abc\",\"events\":3}\n");
        String[] connection = {"--jdbc-url", ledger.url(), "--user", ledger.user(), "--password", ledger.password()};

        Outcome missing = run(concat(new String[] {"verify", "--digests", "/nonexistent/digests.jsonl"}, connection));
        Outcome bad = run(concat(new String[] {"verify", "--digests", malformed.toString()}, connection));

        assertThat(missing.exitCode()).isEqualTo(ReplayCli.USAGE);
        assertThat(missing.err()).isEqualTo("verify: no such file /nonexistent/digests.jsonl\n");
        assertThat(bad.exitCode()).isEqualTo(ReplayCli.USAGE);
        assertThat(bad.err()).startsWith("verify: " + malformed + " line 1 is not a digest");
    }

    @Test
    void digests_onAStoreWithoutHashChain_failsWithExitCode1() {
        Outcome outcome = run("digests", "--jdbc-url", ledger.url(), "--user", ledger.user(),
                "--password", ledger.password());

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.FAILED);
        assertThat(outcome.err()).startsWith("digests: cannot read the ledger at ");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void export_withoutASigningKeyOrScope_saysWhatIsMissingAndExitCode2() {
        String[] connection = {"--jdbc-url", ledger.url(), "--user", ledger.user(), "--password", ledger.password()};

        Outcome unsigned = run(concat(new String[] {"export", "--out", "/tmp/never-written", "--customer", "c-1",
                "--as-of", "2026-01-01T00:00:00Z"}, connection));
        Outcome mixed = run(concat(new String[] {"export", "--out", "/tmp/never-written", "--signing-key", "k.pem",
                "--customer", "c-1", "--from", "2026-01-01T00:00:00Z"}, connection));
        Outcome badInstant = run(concat(new String[] {"export", "--out", "/tmp/never-written", "--signing-key",
                "k.pem", "--from", "yesterday", "--to", "2026-01-01T00:00:00Z"}, connection));

        assertThat(unsigned.exitCode()).isEqualTo(ReplayCli.USAGE);
        assertThat(unsigned.err()).startsWith("export: an export is signed: give --signing-key");
        assertThat(mixed.err()).isEqualTo("export: --customer goes with --as-of, not with --from and --to\n");
        assertThat(badInstant.err()).isEqualTo("export: --from must be an ISO-8601 instant such as 2026-01-31T09:00:00Z\n");
    }

    @Test
    void verifyExport_ofADirectoryWithoutAPackage_saysSoAndExitCode4() throws Exception {
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
    void help_printsUsageOnStderrAndExitCode0(String help) {
        Outcome outcome = run(help);

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).isEqualTo(ReplayCli.USAGE_TEXT).contains("stats --jdbc-url URL");
    }

    @Test
    void noArguments_showsUsageAndExitCode2() {
        Outcome outcome = run();

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.USAGE).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo(ReplayCli.USAGE_TEXT);
    }

    @Test
    void unknownSubcommand_namesItShowsUsageAndExitCode2() {
        Outcome outcome = run("frobnicate");

        assertThat(outcome.exitCode()).isEqualTo(ReplayCli.USAGE);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).startsWith("unknown subcommand: frobnicate\n").endsWith(ReplayCli.USAGE_TEXT);
    }
}
