package com.interactionledger.tools;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service image carries, read from the jar it is built from (deploy/Dockerfile copies
 * deploy/target/interaction-ledger.jar; the deploy module packages it before this module's tests run): no H2 and no
 * XStream among its libraries, no commons-lang3 older than 3.18.0 (CVE-2025-48924); and started without a database,
 * or on the embedded default's H2 URL, the jar refuses at once and says where a database comes from. The embedded
 * H2 default itself runs from this module's jar (EmbeddedDefaultSmokeTest). The enforcer rules of the root and deploy
 * poms stop the build before this when a dependency brings H2 or XStream back; this reads what was shipped.
 */
class ServiceImageTest {

    private static final Path JAR = Path.of("..", "deploy", "target", "interaction-ledger.jar");
    private static final Pattern COMMONS_LANG3 = Pattern.compile("commons-lang3-(\\d+)\\.(\\d+)\\.(\\d+)\\.jar");
    private static final String H2_URL = "jdbc:h2:file:./target/no-such-ledger/ledger;MODE=PostgreSQL";

    private static List<String> libraries;

    @BeforeAll
    static void readTheJar() throws IOException {
        assertThat(JAR).as("the service image's jar, packaged by the deploy module before these tests").isRegularFile();
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            libraries = Collections.list(jar.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length())).sorted().toList();
        }
    }

    @Test
    void theServiceImageCarriesNoH2AndNoXStream() {
        assertThat(libraries).as("the listing is the service's libraries")
                .anyMatch(name -> name.startsWith("postgresql-")).anyMatch(name -> name.startsWith("axon-messaging-"));
        assertThat(libraries).noneMatch(name -> name.startsWith("h2-"));
        assertThat(libraries).noneMatch(name -> name.startsWith("xstream-"));
    }

    @Test
    void theServiceImageCarriesNoCommonsLang3Before3180() {
        List<String> lang3 = libraries.stream().filter(name -> name.startsWith("commons-lang3-")).toList();
        assertThat(lang3).as("reached through springdoc's swagger-core").singleElement().satisfies(name -> {
            Matcher version = COMMONS_LANG3.matcher(name);
            assertThat(version.matches()).as(name).isTrue();
            int major = Integer.parseInt(version.group(1));
            int minor = Integer.parseInt(version.group(2));
            assertThat(major > 3 || major == 3 && minor >= 18).as(name + " is 3.18.0 or later").isTrue();
        });
    }

    @Test
    void theServiceJarStartedWithoutADatabaseRefusesAndSaysWhereOneComesFrom() throws Exception {
        Run run = runJar(List.of("-Dloader.main=com.interactionledger.deploy.InteractionLedgerApplication"),
                List.of("--server.port=0"));

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("The ledger refuses to start: no database is configured")
                .contains("LEDGER_DB_URL").contains("scripts/run.sh");
    }

    @Test
    void theServiceJarOnTheEmbeddedH2UrlRefusesForWantOfTheDriver() throws Exception {
        Run run = runJar(List.of("-Dloader.main=com.interactionledger.deploy.InteractionLedgerApplication"),
                List.of("--server.port=0", "--spring.datasource.url=" + H2_URL,
                        "--ledger.access.mode=development"));

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("this jar carries no H2 driver").contains("scripts/run.sh");
        assertThat(Path.of("target", "no-such-ledger")).as("nothing was created").doesNotExist();
    }

    @Test
    void theReplayToolsOfTheServiceJarReadPostgresqlAndSayWhereTheH2DefaultIsRead() throws Exception {
        Run run = runJar(List.of("-Dloader.main=com.interactionledger.replay.ReplayCli"),
                List.of("stats", "--jdbc-url", H2_URL, "--user", "sa"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("stats: cannot connect to " + H2_URL)
                .contains("this jar carries no H2 driver").contains("scripts/replay-tools.sh");
    }

    private record Run(int exitCode, String output) {
    }

    /** The jar as the Dockerfile runs it (PropertiesLauncher), without the image's or this machine's settings. */
    private static Run runJar(List<String> jvmOptions, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Daxoniq.update-checker.disabled=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", JAR.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("LEDGER_") || name.startsWith("SPRING_")
                || name.equals("LOADER_MAIN") || name.equals("JAVA_TOOL_OPTIONS"));
        Path log = Files.createTempFile("service-image", ".log");
        try {
            Process process = builder.redirectOutput(log.toFile()).start();
            boolean ended = process.waitFor(3, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the jar ended by itself: " + output).isTrue();
            return new Run(process.exitValue(), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
