package com.interactionledger.replay.export;

import com.interactionledger.replay.ReplayCli;
import com.interactionledger.replay.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

@Command(name = "keygen",
        description = "Writes a new Ed25519 key pair: export-signing-key.pem (readable by its owner only, 0600) and "
                + "export-public-key.pem. Never overwrites a key.",
        exitCodeList = {"0:done", "2:wrong usage, a key already in DIR, or DIR cannot be written"})
public final class KeygenCommand extends Subcommand {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the pair")
    private Path directory;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        boolean ownerOnly;
        try {
            ownerOnly = ExportKeys.generate(directory);
        } catch (FileAlreadyExistsException e) {
            // A signing key overwritten is a key lost: packages signed with it could no longer be told from others.
            throw new ReplayCli.Failure(ReplayCli.USAGE, e.getFile() + " already exists: keygen never overwrites"
                    + " a key (move it away, or choose another --out)");
        }
        out().println("wrote " + directory.resolve(ExportKeys.SIGNING_KEY) + (ownerOnly
                ? " (readable by its owner only; keep it secret)"
                : " (this file system has no POSIX permissions: it has the directory's default access, restrict it"
                        + " to its owner; keep it secret)")
                + " and " + ExportKeys.PUBLIC_KEY);
        return ReplayCli.OK;
    }
}
