package com.interactionledger.replay.verify;

import com.interactionledger.ledger.stored.LedgerDigest;
import com.interactionledger.replay.ConnectionOptions;
import com.interactionledger.replay.HelpOption;
import com.interactionledger.replay.ReplayCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "digests",
        description = "Writes the ledger's digests and its current head as JSON Lines, for a regulator to keep.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:database unreachable or unreadable", "2:wrong usage, or FILE cannot be written"})
public final class DigestsCommand implements Callable<Integer> {

    @ParentCommand
    private ReplayCli tool;

    @Mixin
    private ConnectionOptions ledger;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write them (else stdout)")
    private Path file;

    @Mixin
    private HelpOption help;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        return ledger.onLedger(connection -> {
            List<LedgerDigest> digests = DigestFile.current(connection);
            if (file == null) {
                Writer writer = new OutputStreamWriter(tool.out(), StandardCharsets.UTF_8);
                DigestFile.write(digests, writer);
            } else {
                try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    DigestFile.write(digests, writer);
                }
            }
            return ReplayCli.OK;
        });
    }
}
