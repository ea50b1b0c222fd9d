package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.ledger.append.LedgerDigests;
import com.interactionledger.replay.ReplayCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export commands of docs/REGULATORS.md, run as written there against a scripted journey: a signed package per
 * customer and per time window, byte-identical when made twice, verified by our tool and by OpenSSL, and refused
 * once any byte of it changes.
 */
class RegulatorExportTest extends PostgresLedgerTest {

    private static final String CUSTOMER = "export-customer";
    private static final List<String> FILES = List.of("events.jsonl", "report.html", "manifest.json", "manifest.sig");

    @Autowired
    Environment environment;
    @Autowired
    LedgerDigests digests;

    @TempDir
    Path work;

    @Test
    void theDocumentedCommandsExportVerifyAndRepeatByteForByte() throws Exception {
        Instant from = recordedTimeBetweenSteps();
        LedgerHttp agent = http.as("AGENT", "export-agent");
        accepted(agent.post("/sessions", json("sessionId", "export-chat", "customerId", CUSTOMER, "channel", "WEB_CHAT",
                "entryPoint", "web")));
        accepted(gateway().post("/sessions/export-chat/messages", json("messageId", "e1",
                "authorRole", "CUSTOMER", "text", "Frais <b>doublés</b> & \"remboursement\" — 退款")));
        // A digest between the steps: the head of the instant below counts its events from there on.
        digests.record();
        accepted(agent.post("/complaints", json("complaintId", "export-complaint", "customerId", CUSTOMER,
                "sessions", new String[] {"export-chat"}, "channel", "WEB_CHAT", "product", "credit_card",
                "category", "fees", "subCategory", "late_payment_fee", "description", "Charged twice",
                "jurisdiction", "UK_FCA")));
        Instant asOf = recordedTimeBetweenSteps();
        accepted(gateway().post("/sessions/export-chat/messages", json("messageId", "e2",
                "authorRole", "CUSTOMER", "text", "after the instant")));
        Instant to = recordedTimeBetweenSteps();

        List<String> commands = documentedCommands();
        assertThat(commands).hasSize(5);
        ReplayToolsRun keygen = run(commands.get(0), asOf, from, to);
        assertThat(keygen.exitCode()).as(keygen.err()).isZero();
        ReplayToolsRun exported = run(commands.get(1), asOf, from, to);
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        Path customerPackage = work.resolve("export-walk-customer");
        Map<String, byte[]> first = files(customerPackage);

        // The package holds exactly the customer's history as of the instant, as the regulator endpoint gives it.
        JsonNode history = http.as("REGULATOR", "fca-examiner").get("/regulator/customers/" + CUSTOMER
                + "/history?asOf=" + asOf).data();
        List<String> lines = Files.readAllLines(customerPackage.resolve("events.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(history.path("events").size()).hasSize(4);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(LedgerHttp.JSON.readTree(lines.get(i))).isEqualTo(history.path("events").get(i));
        }
        assertThat(lines.get(1)).contains("Frais <b>doublés</b> & \\\"remboursement\\\" — 退款");
        String report = Files.readString(customerPackage.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(report).contains("Frais &lt;b&gt;doublés&lt;/b&gt; &amp;", "export-complaint", "RECEIVED",
                "BOT_HANDLING").doesNotContain("after the instant", "<b>doublés");

        JsonNode manifest = LedgerHttp.JSON.readTree(first.get("manifest.json"));
        assertThat(manifest.path("format").asText()).isEqualTo("interaction-ledger-export/v1");
        assertThat(manifest.path("ledger").path("hashFormat").asText()).isEqualTo("interaction-ledger/event/v1");
        assertThat(manifest.path("ledger").path("schemaVersion").asText()).isEqualTo("15");
        // the code that made it, recorded when the replay tools were built from this clone
        assertThat(manifest.path("ledger").path("buildVersion").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(manifest.path("ledger").path("sourceCommit").asText()).matches("[0-9a-f]{40}(-dirty)?");
        assertThat(manifest.path("scope").path("customerId").asText()).isEqualTo(CUSTOMER);
        assertThat(manifest.path("events").path("count").asLong()).isEqualTo(4);
        assertThat(manifest.path("eventRevisions").path("MessageRecorded").toString()).isEqualTo("[\"2\"]");
        assertThat(manifest.path("upcastersApplied")).isEmpty();
        JsonNode head = manifest.path("ledgerHeadAtInstant");
        assertThat(head.path("position").asLong()).isGreaterThanOrEqualTo(manifest.path("events").path("lastPosition").asLong());
        assertThat(head.path("chainHash").asText()).isEqualTo(jdbc.queryForObject(
                "SELECT chain_hash FROM ledger_chain WHERE globalindex = ?", String.class, head.path("position").asLong()));
        assertThat(head.path("events").asLong()).as("events linked up to the head, the digest's and those after it")
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_chain WHERE globalindex <= ?", Long.class,
                        head.path("position").asLong()))
                .isGreaterThan(jdbc.queryForObject("SELECT MAX(events) FROM ledger_digest WHERE globalindex <= ?",
                        Long.class, head.path("position").asLong()));
        for (JsonNode file : manifest.path("files")) {
            byte[] content = first.get(file.path("name").asText());
            assertThat(file.path("bytes").asLong()).isEqualTo(content.length);
            assertThat(file.path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(content)));
        }

        // Made again (other events have been recorded since): the same bytes, signature included.
        Files.move(customerPackage, work.resolve("first-export"));
        assertThat(run(commands.get(1), asOf, from, to).exitCode()).isZero();
        Map<String, byte[]> second = files(customerPackage);
        for (String name : FILES) {
            assertThat(second.get(name)).as(name).isEqualTo(first.get(name));
        }

        ReplayToolsRun verified = run(commands.get(2), asOf, from, to);
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("INTACT");
        assertThat(openssl(commands.get(3))).contains("Signature Verified Successfully");

        // Any change is refused: an event line, the manifest, or a signature by another key.
        Files.writeString(customerPackage.resolve("events.jsonl"), lines.get(0).replace("WEB_CHAT", "PHONE") + "\n"
                + String.join("\n", lines.subList(1, lines.size())) + "\n");
        ReplayToolsRun changedEvent = run(commands.get(2), asOf, from, to);
        assertThat(changedEvent.exitCode()).isEqualTo(ReplayCli.BROKEN);
        assertThat(changedEvent.out()).contains("CHANGED", "events.jsonl does not have the SHA-256");
        Files.write(customerPackage.resolve("events.jsonl"), first.get("events.jsonl"));
        Files.writeString(customerPackage.resolve("manifest.json"),
                new String(first.get("manifest.json"), StandardCharsets.UTF_8).replace("\"count\" : 4", "\"count\" : 3"));
        ReplayToolsRun changedManifest = run(commands.get(2), asOf, from, to);
        assertThat(changedManifest.exitCode()).isEqualTo(ReplayCli.BROKEN);
        assertThat(changedManifest.out()).contains("the signature does not match");
        Files.write(customerPackage.resolve("manifest.json"), first.get("manifest.json"));
        assertThat(run(commands.get(2), asOf, from, to).exitCode()).isZero();
        assertThat(ReplayCli.run(new String[] {"keygen", "--out", work.resolve("other").toString()},
                System.out, System.err)).isZero();
        ReplayToolsRun otherKey = run(commands.get(2).replace("keys/export-public-key.pem", "other/export-public-key.pem"),
                asOf, from, to);
        assertThat(otherKey.exitCode()).isEqualTo(ReplayCli.BROKEN);

        // The window: every event recorded in it, this customer's and anyone else's, in global order; again twice.
        ReplayToolsRun window = run(commands.get(4), asOf, from, to);
        assertThat(window.exitCode()).as(window.err()).isZero();
        Path windowPackage = work.resolve("export-november");
        List<Long> positions = new ArrayList<>();
        for (String line : Files.readAllLines(windowPackage.resolve("events.jsonl"))) {
            positions.add(LedgerHttp.JSON.readTree(line).path("position").asLong());
        }
        assertThat(positions).isSorted().containsExactlyElementsOf(jdbc.queryForList(
                "SELECT globalindex FROM domainevententry WHERE timestamp::timestamptz >= ?::timestamptz"
                        + " AND timestamp::timestamptz < ?::timestamptz ORDER BY globalindex",
                Long.class, from.toString(), to.toString()));
        assertThat(positions.size()).isGreaterThan(4);
        Map<String, byte[]> windowFirst = files(windowPackage);
        Files.move(windowPackage, work.resolve("first-window"));
        assertThat(run(commands.get(4), asOf, from, to).exitCode()).isZero();
        Map<String, byte[]> windowSecond = files(windowPackage);
        for (String name : FILES) {
            assertThat(windowSecond.get(name)).as(name).isEqualTo(windowFirst.get(name));
        }
    }

    /** The replay-tools and openssl lines of the "Signed exports" block of docs/REGULATORS.md, in order. */
    private static List<String> documentedCommands() throws Exception {
        String page = Files.readString(Path.of("../docs/REGULATORS.md"), StandardCharsets.UTF_8);
        String section = page.substring(page.indexOf("## Signed exports"), page.indexOf("## Tamper evidence"));
        return section.lines().filter(line -> line.startsWith("scripts/replay-tools.sh ")
                || line.startsWith("openssl ")).toList();
    }

    /** Runs a documented replay-tools line in this JVM, with this test's database, customer, instants and directory. */
    private ReplayToolsRun run(String line, Instant asOf, Instant from, Instant to) {
        List<String> args = new ArrayList<>();
        String[] words = line.substring("scripts/replay-tools.sh ".length()).split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            String option = i > 0 ? words[i - 1] : "";
            args.add(switch (option) {
                case "--jdbc-url" -> environment.getProperty("spring.datasource.url");
                case "--user" -> environment.getProperty("spring.datasource.username");
                case "--customer" -> CUSTOMER;
                case "--as-of" -> asOf.toString();
                case "--from" -> from.toString();
                case "--to" -> to.toString();
                case "--out", "--dir", "--signing-key", "--public-key" -> work.resolve(word).toString();
                default -> word;
            });
        }
        if (args.contains("--jdbc-url")) {
            args.addAll(List.of("--password-file",
                    ReplayToolsRun.secretFile(environment.getProperty("spring.datasource.password", "")),
                    "--master-keys-file", TestInstallation.masterKeysFile().toString()));
        }
        return ReplayToolsRun.of(args.toArray(String[]::new));
    }

    /** The documented OpenSSL line, run in the test's directory: the recipient's check without our tools. */
    private String openssl(String line) throws Exception {
        Process process = new ProcessBuilder(List.of(line.split("\\s+"))).directory(work.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private static Map<String, byte[]> files(Path directory) throws Exception {
        Map<String, byte[]> files = new java.util.HashMap<>();
        for (String name : FILES) {
            files.put(name, Files.readAllBytes(directory.resolve(name)));
        }
        return files;
    }
}
