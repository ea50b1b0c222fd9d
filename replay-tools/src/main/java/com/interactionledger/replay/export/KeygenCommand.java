package com.interactionledger.replay.export;

import com.interactionledger.replay.HelpOption;
import com.interactionledger.replay.ReplayCli;
import com.interactionledger.replay.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

@Command(name = "keygen",
        description = "Writes a new Ed25519 key pair: export-signing-key.pem and export-public-key.pem.",
        exitCodeList = {"0:done", "2:wrong usage, or DIR cannot be written"})
public final class KeygenCommand extends Subcommand {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the pair")
    private Path directory;

    @Mixin
    private HelpOption help;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        ExportKeys.generate(directory);
        out().println("wrote " + directory.resolve("export-signing-key.pem")
                + " (keep it secret) and export-public-key.pem");
        return ReplayCli.OK;
    }
}
