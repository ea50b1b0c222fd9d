package com.interactionledger.replay.verify;

import com.interactionledger.ledger.stored.LedgerDigest;
import com.interactionledger.replay.ConnectionOptions;
import com.interactionledger.replay.ReplayCli;
import com.interactionledger.replay.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

@Command(name = "digests",
        description = "Writes the ledger's digests and its current head as JSON Lines, for a regulator to keep.",
        exitCodeList = {"0:done", "1:database unreachable or unreadable", "2:wrong usage, or FILE cannot be written"})
public final class DigestsCommand extends Subcommand {

    @Mixin
    private ConnectionOptions ledger;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write them (else stdout)")
    private Path file;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        return ledger.onLedger(connection -> {
            List<LedgerDigest> digests = DigestFile.current(connection);
            if (file == null) {
                Writer writer = new OutputStreamWriter(out(), StandardCharsets.UTF_8);
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
