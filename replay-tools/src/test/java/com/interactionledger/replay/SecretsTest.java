package com.interactionledger.replay;

import com.interactionledger.replay.export.ExportKeys;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.interactionledger.replay.EventStoreFixture.createEventStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No secret on the command line: the database password and a service's bearer token come from a file or the
 * environment, and the options that once took them refuse them (exit code 2) saying where they go; keygen writes the
 * signing key readable by its owner only, and never over an existing key.
 */
class SecretsTest {

    private record Outcome(int exitCode, String out, String err) {
    }

    /**
     * An H2 ledger that checks its password (the test PostgreSQL trusts every local login, so only a database that
     * refuses a wrong password shows the right one arrived).
     */
    private static final String H2_URL = "jdbc:h2:mem:replay_secrets;DB_CLOSE_DELAY=-1";
    private static final String DB_PASSWORD = "s3cret pass word";
    private static final String TOKEN = "t0ken-of-an-admin";

    private static Connection keepOpen;
    private static HttpServer service;
    private static final List<String> authorizations = new CopyOnWriteArrayList<>();

    @TempDir
    Path work;

    @BeforeAll
    static void ledgerWithAPasswordAndAServiceWithAToken() throws Exception {
        keepOpen = DriverManager.getConnection(H2_URL, "sa", DB_PASSWORD);
        createEventStore(keepOpen, "h2");
        EventStoreFixture.insert(keepOpen, 1, "secret-chat", 0, "SessionStarted", EventStoreFixture.metadata("c-1"));

        // The service's GET /projections, answering only to the token.
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/projections", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            boolean admin = ("Bearer " + TOKEN).equals(authorization);
            byte[] body = (admin ? "[{\"name\":\"timeline\",\"running\":true,\"position\":1,\"headPosition\":1}]"
                    : "{\"detail\":\"A bearer token is required\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(admin ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
    }

    @AfterAll
    static void close() throws Exception {
        keepOpen.close();
        service.stop(0);
    }

    private static Outcome run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = ReplayCli.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Outcome run(String... args) {
        return run(Map.of(), args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content);
    }

    private static String serviceUrl() {
        return "http://127.0.0.1:" + service.getAddress().getPort();
    }

    @ParameterizedTest
    @ValueSource(strings = {"stats", "verify", "digests", "history", "export"})
    void aPasswordOnTheCommandLineIsRefusedWithExitCode2SayingWhereItGoesAndNeverRepeated(String subcommand) {
        // An unreachable database: the refusal comes before any connection (which would be exit code 1).
        String url = "jdbc:postgresql://127.0.0.1:1/x";
        String refusal = subcommand + ": --password is not accepted: a command line is seen by every user of the"
                + " machine; put the database password in the environment variable LEDGER_DB_PASSWORD or in a file"
                + " named by --password-file FILE\n";

        for (List<String> given : List.of(List.of("--password", "hunter2"), List.of("--password=hunter2"),
                List.of("--password"), List.of("--password", ""))) {
            List<String> args = new java.util.ArrayList<>(List.of(subcommand, "--jdbc-url", url));
            args.addAll(given);
            Outcome outcome = run(args.toArray(String[]::new));

            assertThat(outcome).as(String.join(" ", given)).isEqualTo(new Outcome(ReplayCli.USAGE, "", refusal));
        }
        // Before the other options, too.
        assertThat(run(subcommand, "--password", "hunter2", "--jdbc-url", url))
                .isEqualTo(new Outcome(ReplayCli.USAGE, "", refusal));
    }

    @Test
    void thePasswordComesFromItsFileElseFromLedgerDbPasswordAndReachesTheDatabase() throws Exception {
        String[] ledger = {"stats", "--jdbc-url", H2_URL, "--user", "sa"};
        // As an editor or echo leaves it: the line break at the end is not part of the password.
        Path right = file("password", DB_PASSWORD + "\n");
        Path wrong = file("wrong-password", "not it\n");

        Outcome fromFile = run(concat(ledger, "--password-file", right.toString()));
        Outcome fromEnvironment = run(Map.of("LEDGER_DB_PASSWORD", DB_PASSWORD), ledger);
        Outcome fileBeforeEnvironment = run(Map.of("LEDGER_DB_PASSWORD", "not it"),
                concat(ledger, "--password-file", right.toString()));
        Outcome none = run(ledger);
        Outcome wrongFile = run(Map.of("LEDGER_DB_PASSWORD", DB_PASSWORD),
                concat(ledger, "--password-file", wrong.toString()));

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).startsWith("Ledger statistics for " + H2_URL + "\nevents                     1\n");
        assertThat(fromEnvironment).isEqualTo(fromFile);
        assertThat(fileBeforeEnvironment).isEqualTo(fromFile);
        // H2 refuses a login without its password, or with another: so the one read is the one that arrived.
        for (Outcome refused : List.of(none, wrongFile)) {
            assertThat(refused.exitCode()).isEqualTo(ReplayCli.FAILED);
            assertThat(refused.err()).startsWith("stats: cannot connect to " + H2_URL + ": ")
                    .contains("Wrong user name or password").doesNotContain(DB_PASSWORD, "not it");
        }
    }

    @Test
    void anUnreadablePasswordFileIsWrongInputWithExitCode2() {
        Outcome outcome = run("stats", "--jdbc-url", H2_URL, "--user", "sa", "--password-file", "/nonexistent/pw");

        assertThat(outcome).isEqualTo(new Outcome(ReplayCli.USAGE, "",
                "stats: cannot read --password-file /nonexistent/pw: no such file\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "rebuild timeline"})
    void aTokenOnTheCommandLineIsRefusedWithExitCode2SayingWhereItGoesAndNothingIsAsked(String command) {
        String subcommand = command.split(" ")[0];
        String refusal = subcommand + ": --token is not accepted: a command line is seen by every user of the"
                + " machine; put the bearer token in the environment variable LEDGER_TOKEN or in a file named by"
                + " --token-file FILE\n";
        authorizations.clear();

        for (List<String> given : List.of(List.of("--token", TOKEN), List.of("--token=" + TOKEN),
                List.of("--token"))) {
            List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
            args.addAll(List.of("--url", serviceUrl()));
            args.addAll(given);
            Outcome outcome = run(args.toArray(String[]::new));

            assertThat(outcome).as(String.join(" ", given)).isEqualTo(new Outcome(ReplayCli.USAGE, "", refusal));
        }
        assertThat(authorizations).as("requests the service saw").isEmpty();
    }

    @Test
    void theTokenComesFromItsFileElseFromLedgerTokenAndReachesTheService() throws Exception {
        String[] status = {"status", "--url", serviceUrl()};
        Path tokenFile = file("token", TOKEN + "\n");
        authorizations.clear();

        Outcome fromFile = run(concat(status, "--token-file", tokenFile.toString()));
        Outcome fromEnvironment = run(Map.of("LEDGER_TOKEN", TOKEN), status);
        Outcome fileBeforeEnvironment = run(Map.of("LEDGER_TOKEN", "another"),
                concat(status, "--token-file", tokenFile.toString()));
        Outcome none = run(status);
        Outcome missingFile = run(concat(status, "--token-file", "/nonexistent/token"));

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).contains("\ntimeline ");
        assertThat(fromEnvironment).isEqualTo(fromFile);
        assertThat(fileBeforeEnvironment).isEqualTo(fromFile);
        assertThat(none).isEqualTo(new Outcome(ReplayCli.FAILED, "", "status: A bearer token is required\n"));
        assertThat(missingFile).isEqualTo(new Outcome(ReplayCli.USAGE, "",
                "status: cannot read --token-file /nonexistent/token: no such file\n"));
        assertThat(authorizations).containsExactly("Bearer " + TOKEN, "Bearer " + TOKEN, "Bearer " + TOKEN, "null");
    }

    @Test
    void keygenWritesTheSigningKeyReadableByItsOwnerOnly() throws Exception {
        assumeTrue(Files.getFileStore(work).supportsFileAttributeView(PosixFileAttributeView.class),
                "the temporary directory's file system has no POSIX permissions");
        Path keys = work.resolve("keys");

        Outcome outcome = run("keygen", "--out", keys.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).isEqualTo("wrote " + keys.resolve("export-signing-key.pem")
                + " (readable by its owner only; keep it secret) and export-public-key.pem\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("export-signing-key.pem"))))
                .isEqualTo("rw-------");
        // The public key is for handing out.
        assertThat(Files.getPosixFilePermissions(keys.resolve("export-public-key.pem")))
                .contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ);
        assertThat(ExportKeys.privateKey(keys.resolve("export-signing-key.pem"))).isNotNull();
        assertThat(ExportKeys.publicKey(keys.resolve("export-public-key.pem"))).isNotNull();
    }

    @Test
    void keygenNeverOverwritesAKeyAndARefusalWritesNothing() throws Exception {
        Path keys = work.resolve("keys");
        assertThat(run("keygen", "--out", keys.toString()).exitCode()).isZero();
        byte[] signingKey = Files.readAllBytes(keys.resolve("export-signing-key.pem"));
        byte[] publicKey = Files.readAllBytes(keys.resolve("export-public-key.pem"));
        Path halfPair = work.resolve("half");
        Files.createDirectories(halfPair);
        Files.write(halfPair.resolve("export-public-key.pem"), publicKey);

        Outcome again = run("keygen", "--out", keys.toString());
        Outcome overHalf = run("keygen", "--out", halfPair.toString());

        assertThat(again).isEqualTo(new Outcome(ReplayCli.USAGE, "", "keygen: " + keys.resolve("export-signing-key.pem")
                + " already exists: keygen never overwrites a key (move it away, or choose another --out)\n"));
        assertThat(Files.readAllBytes(keys.resolve("export-signing-key.pem"))).isEqualTo(signingKey);
        assertThat(Files.readAllBytes(keys.resolve("export-public-key.pem"))).isEqualTo(publicKey);
        assertThat(overHalf).isEqualTo(new Outcome(ReplayCli.USAGE, "", "keygen: "
                + halfPair.resolve("export-public-key.pem")
                + " already exists: keygen never overwrites a key (move it away, or choose another --out)\n"));
        assertThat(halfPair.resolve("export-signing-key.pem")).doesNotExist();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
