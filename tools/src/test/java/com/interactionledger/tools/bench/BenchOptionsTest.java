package com.interactionledger.tools.bench;

import com.interactionledger.replay.ReplayCli;
import com.interactionledger.tools.drill.FaultDrills;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The benchmarks and drills take the database password as the replay tools do: from {@code --password-file}, else
 * {@code LEDGER_DB_PASSWORD}, never from the command line, which every user of the machine can read ({@code ps}).
 */
class BenchOptionsTest {

    private static final String SECRET = "s3cret-on-the-line";
    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/nowhere";

    interface Tool {
        void main(String[] args) throws Exception;
    }

    @Test
    void everyBenchmarkAndDrillRefusesAPasswordOnTheCommandLinePointingAtTheFileAndTheEnvironment() {
        Map<String, Tool> tools = Map.of("CommandBenchmark", CommandBenchmark::main,
                "RegulatorBenchmark", RegulatorBenchmark::main, "DistributedBenchmark", DistributedBenchmark::main,
                "FaultDrills", FaultDrills::main);
        List<String[]> given = List.of(new String[] {"--jdbc-url", NOWHERE, "--password", SECRET},
                new String[] {"--password=" + SECRET, "--jdbc-url", NOWHERE},
                new String[] {"--jdbc-url", NOWHERE, "--app.spring.datasource.password", SECRET},
                new String[] {"--jdbc-url", NOWHERE, "--password"});
        tools.forEach((name, tool) -> given.forEach(args ->
                assertThatThrownBy(() -> tool.main(args)).as(name + " " + String.join(" ", args))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("--password-file")
                        .hasMessageContaining("LEDGER_DB_PASSWORD")
                        .message().doesNotContain(SECRET)));
    }

    @Test
    void thePasswordComesFromTheFileElseTheEnvironment(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("db-password"), "from-the-file\n");
        Map<String, String> environment = Map.of("LEDGER_DB_PASSWORD", "from-the-environment");

        assertThat(new BenchOptions(new String[] {"--password-file", file.toString()}, environment::get).password())
                .isEqualTo("from-the-file");
        assertThat(new BenchOptions(new String[] {"--jdbc-url", NOWHERE}, environment::get).password())
                .isEqualTo("from-the-environment");
        assertThat(new BenchOptions(new String[] {"--jdbc-url", NOWHERE}, Map.<String, String>of()::get).password())
                .as("neither: the URL's password, or none").isNull();
        assertThatThrownBy(() -> new BenchOptions(new String[] {"--password-file",
                directory.resolve("absent").toString()}, environment::get).password())
                .isInstanceOf(ReplayCli.Failure.class).hasMessageContaining("cannot read --password-file");
    }

    @Test
    void aServiceIsHandedThePasswordThroughItsEnvironment() {
        assertThat(BenchOptions.serviceEnvironment("pw")).containsExactly(Map.entry("LEDGER_DB_PASSWORD", "pw"));
        assertThat(BenchOptions.serviceEnvironment(null)).isEmpty();
    }

    /** The scripts that run them hand the password over the same way. */
    @Test
    void noScriptPutsTheDatabasePasswordOnACommandLine() throws IOException {
        Pattern onTheLine = Pattern.compile("--password(?!-file)|datasource\\.password=\\S");
        try (Stream<Path> scripts = Files.list(Path.of("..", "scripts"))) {
            List<Path> all = scripts.filter(path -> path.toString().endsWith(".sh")).toList();
            assertThat(all).as("the scripts").isNotEmpty();
            for (Path script : all) {
                assertThat(Files.readAllLines(script)).as(script.toString())
                        .noneMatch(line -> onTheLine.matcher(line).find());
            }
        }
    }
}
