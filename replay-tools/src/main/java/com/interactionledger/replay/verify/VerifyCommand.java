package com.interactionledger.replay.verify;

import com.interactionledger.ledger.stored.LedgerDigest;
import com.interactionledger.replay.ConnectionOptions;
import com.interactionledger.replay.ReplayCli;
import com.interactionledger.replay.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

@Command(name = "verify",
        description = "Recomputes the hash chain and checks every link, stream and digest (the ledger's own and those "
                + "kept in FILE); names the first broken position and what is wrong there.",
        exitCodeList = {"0:the ledger is intact",
                "1:database unreachable or unreadable (a store without the chain tables fails, never passes)",
                "2:wrong usage, or a digest file missing or not digests", "4:the ledger is broken"})
public final class VerifyCommand extends Subcommand {

    @Mixin
    private ConnectionOptions ledger;

    @Option(names = "--digests", paramLabel = "FILE",
            description = "Digests kept outside the database (from the digests subcommand)")
    private Path digests;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        // The kept file is read first: a wrong path or a malformed line is exit code 2 before any connection.
        List<LedgerDigest> kept = digests == null ? List.of() : DigestFile.read(digests);
        return ledger.onLedger(connection -> report(LedgerVerifier.verify(connection, kept), kept, out()));
    }

    private int report(VerificationReport report, List<LedgerDigest> kept, PrintStream out) {
        out.println("Ledger verification of " + ledger.displayUrl());
        line(out, "events", report.events());
        line(out, "links", report.links());
        line(out, "streams", report.streams());
        line(out, "digests", report.digests() + (digests == null ? "" : " (" + kept.size() + " from " + digests + ")"));
        line(out, "head", report.headPosition() + " " + report.headChainHash());
        if (report.intact()) {
            line(out, "result", "INTACT");
            out.flush();
            return ReplayCli.OK;
        }
        Finding first = report.firstBroken().orElseThrow();
        line(out, "result", "BROKEN (" + report.totalFindings() + " findings)");
        line(out, "first broken position", first.position() + " " + first.kind());
        for (Finding finding : report.findings()) {
            out.println("  " + finding.position() + " " + finding.kind() + ": " + finding.detail());
        }
        if (report.totalFindings() > report.findings().size()) {
            out.println("  ... and " + (report.totalFindings() - report.findings().size()) + " more");
        }
        out.flush();
        return ReplayCli.BROKEN;
    }

    private static void line(PrintStream out, String label, Object value) {
        out.println(label + " ".repeat(Math.max(1, 27 - label.length())) + value);
    }
}
