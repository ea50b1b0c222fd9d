package com.interactionledger.replay.export;

import com.interactionledger.replay.HelpOption;
import com.interactionledger.replay.ReplayCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;

@Command(name = "keygen",
        description = "Writes a new Ed25519 key pair: export-signing-key.pem and export-public-key.pem.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:wrong usage, or DIR cannot be written"})
public final class KeygenCommand implements Callable<Integer> {

    @ParentCommand
    private ReplayCli tool;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the pair")
    private Path directory;

    @Mixin
    private HelpOption help;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        ExportKeys.generate(directory);
        tool.out().println("wrote " + directory.resolve("export-signing-key.pem")
                + " (keep it secret) and export-public-key.pem");
        return ReplayCli.OK;
    }
}
