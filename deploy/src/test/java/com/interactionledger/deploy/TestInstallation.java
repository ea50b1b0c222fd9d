package com.interactionledger.deploy;

import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.deploy.access.DevelopmentMachines;
import com.interactionledger.deploy.identity.LocalIdentityProvider;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the tests run the ledger: as production runs it, on PostgreSQL with tokens from an OIDC provider (the
 * {@link LocalIdentityProvider}) and keys of its own. The keys below are published in this file, so they protect
 * nothing; the ledger cannot tell, and accepts them — it refuses only the development keys it ships
 * ({@code StartupSafety}).
 */
final class TestInstallation {

    /** The master key that wraps new customer keys in the tests. */
    static final String MASTER_KEY = "test-2026:dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMtb2s=";
    /** A master key the application still holds after a rotation, to unwrap customer keys it wrapped before. */
    static final String RETIRED_MASTER_KEY = "retired-2025:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String MASTER_KEYS = MASTER_KEY + "," + RETIRED_MASTER_KEY;
    static final String PSEUDONYM_KEY = "test-only-pseudonym-key-of-at-least-32-bytes";
    /** A machine identity that carries customers' messages on every channel and may record everything SYSTEM may. */
    static final String GATEWAY = "test-gateway";
    /** A machine identity that speaks as a bot on every channel and may record everything SYSTEM may. */
    static final String BOT = "test-bot";
    /** The access matrix test's SYSTEM caller, which may call every endpoint the matrix opens to SYSTEM. */
    static final String MATRIX_SYSTEM = "matrix-system";

    /**
     * The machine identities of the tests, as {@code name=value} settings: the README's (as in development), and
     * {@link #GATEWAY}, {@link #BOT} and {@link #MATRIX_SYSTEM}, which may call every recording endpoint the access
     * matrix of docs/PRIVACY-AND-ACCESS.md opens to SYSTEM.
     */
    static List<String> machines() {
        List<String> settings = new ArrayList<>();
        DevelopmentMachines.PROPERTIES.forEach((name, value) -> settings.add(name + "=" + value));
        String everyChannel = Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.joining(","));
        String everyRecording = String.join(",", recordingEndpoints());
        for (String machine : List.of(GATEWAY, BOT, MATRIX_SYSTEM)) {
            settings.add("ledger.machines." + machine + ".records=" + everyRecording);
        }
        settings.add("ledger.machines." + GATEWAY + ".gateway-of=" + everyChannel);
        settings.add("ledger.machines." + BOT + ".bot-on=" + everyChannel);
        return settings;
    }

    /** The endpoints the access matrix opens to SYSTEM that record something (every POST of the ledger's API). */
    static List<String> recordingEndpoints() {
        try {
            return Files.readAllLines(Path.of("../docs/PRIVACY-AND-ACCESS.md")).stream()
                    .filter(line -> line.startsWith("| `POST "))
                    .map(line -> line.split("\\|"))
                    .filter(cells -> cells[cells.length - 1].contains("✓")) // the last column is SYSTEM's
                    .map(cells -> cells[1].trim().replace("`", ""))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path masterKeysFile;

    private TestInstallation() {
    }

    /**
     * The arguments of one more instance on this database: any free port, the provider, the test keys, then
     * {@code more}, which replace any of those they name again (Spring would join two values of one option).
     */
    static String[] arguments(String url, String user, String password, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--ledger.privacy.master-keys=" + MASTER_KEYS, "--ledger.analytics.pseudonym-key=" + PSEUDONYM_KEY));
        machines().forEach(setting -> arguments.add("--" + setting));
        arguments.addAll(LocalIdentityProvider.shared().ledgerArguments());
        arguments.addAll(List.of(more));
        Map<String, String> byOption = new LinkedHashMap<>();
        arguments.forEach(argument -> byOption.put(argument.split("=", 2)[0], argument));
        return byOption.values().toArray(String[]::new);
    }

    /** A file holding {@link #MASTER_KEYS}, for the replay tools' {@code --master-keys-file}. */
    static synchronized Path masterKeysFile() {
        try {
            if (masterKeysFile == null) {
                masterKeysFile = Files.createTempFile("ledger-test-master-keys", ".txt");
                masterKeysFile.toFile().deleteOnExit();
                Files.writeString(masterKeysFile, MASTER_KEYS);
            }
            return masterKeysFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same, on the database of this (the test's) application. */
    static String[] arguments(Environment environment, String... more) {
        return arguments(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""), more);
    }
}
