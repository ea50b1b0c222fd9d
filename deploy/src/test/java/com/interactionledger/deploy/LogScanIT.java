package com.interactionledger.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs never hold personal data. Runs after every module's tests (the {@code verify} phase of the last module):
 * reads everything the test JVMs wrote (each test class's output, the applications' logs at their configured
 * levels, in {@code <module>/target/surefire-reports/*-output.txt}) and looks for personal text the tests sent:
 * message texts, handoff summaries, survey comments and complaint descriptions that were accepted, read, restricted
 * or erased, and text in requests that were refused.
 */
class LogScanIT {

    /** Personal text in requests the API refuses (BadInputTest): refusals must not echo it into the logs. */
    static final String REFUSED_CANARY = "my PIN is 4321, do not log me";

    /** Personal fields the suite's tests record and read (their test classes name them). */
    private static final List<String> PERSONAL_TEXT = List.of(
            REFUSED_CANARY,
            "My card was charged twice for one purchase",                       // DialogueJourneyTest, message
            "Charged twice at the same merchant on 20 Nov",                     // DialogueJourneyTest, handoff
            "Good once I got through",                                          // DialogueJourneyTest, survey
            "I was charged twice for one purchase. Fix it or I go to the ombudsman", // README walkthrough
            "message PRIVACY-", "handoff PRIVACY-", "complaint PRIVACY-",       // PrivacyTest (erased ones too)
            "I want my money back",                                             // RestrictionAndRetentionTest
            "ERASED-ON-DISK-",                          // ErasureOnDiskTest, EmbeddedErasureOnDiskTest: all their texts
            "Card blocked, needs a new one", "Great help");                     // query-side TimelineProjectionTest

    @Test
    void noLogWrittenDuringTheSuiteHoldsPersonalText() throws IOException {
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Path reports = module.resolve("target/surefire-reports");
                if (Files.isDirectory(reports)) {
                    try (Stream<Path> files = Files.list(reports)) {
                        files.filter(file -> file.getFileName().toString().endsWith("-output.txt")).forEach(logs::add);
                    }
                }
            }
        }
        // The scan means something only if the logs are there: the applications' start-up lines, in both modules
        // whose tests record and read personal data.
        assertThat(logs).as("test output files").isNotEmpty();
        for (String module : List.of("deploy", "query-side")) {
            assertThat(logs).as(module + " wrote logs").anySatisfy(log -> {
                assertThat(log.toString()).contains(module + "/target");
                assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("Started ");
            });
        }
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            for (String personal : PERSONAL_TEXT) {
                if (text.contains(personal)) {
                    found.add(log + ": \"" + personal + "\"");
                }
            }
        }
        assertThat(found).as("personal text in the logs").isEmpty();
    }
}
