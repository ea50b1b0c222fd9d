package com.interactionledger.replay.export;

import com.interactionledger.replay.ReplayCli;
import com.interactionledger.replay.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

@Command(name = "verify-export",
        description = "Checks a package's signature, files and counts; exit 4 if anything was changed.",
        exitCodeList = {"0:intact, signed by the holder of the key", "2:wrong usage, or the key cannot be read",
                "4:the package was changed (or signed with another key)"})
public final class VerifyExportCommand extends Subcommand {

    @Option(names = "--dir", paramLabel = "DIR", required = true, description = "The package")
    private Path directory;

    @Option(names = "--public-key", paramLabel = "PEM", required = true, description = "The bank's public key")
    private Path publicKey;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        PrintStream out = out();
        List<String> problems = ExportVerifier.problems(directory, ExportKeys.publicKey(publicKey));
        if (problems.isEmpty()) {
            out.println("export " + directory + ": INTACT, signed by the holder of this key");
            return ReplayCli.OK;
        }
        out.println("export " + directory + ": CHANGED");
        problems.forEach(problem -> out.println("  " + problem));
        return ReplayCli.BROKEN;
    }
}
