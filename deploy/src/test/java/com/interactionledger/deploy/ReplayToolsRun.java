package com.interactionledger.deploy;

import com.interactionledger.replay.ReplayCli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The replay tools run in-process as the script would run them: their exit code and what they printed. */
record ReplayToolsRun(int exitCode, String out, String err) {

    static ReplayToolsRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = ReplayCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ReplayToolsRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A file holding a secret (a database password, a bearer token), for --password-file or --token-file: the
     * tools take no secret on their command line, and a test in this JVM cannot set their environment.
     */
    static String secretFile(String secret) {
        try {
            Path file = Files.createTempFile("replay-tools-secret", ".txt");
            file.toFile().deleteOnExit();
            return Files.writeString(file, secret).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
