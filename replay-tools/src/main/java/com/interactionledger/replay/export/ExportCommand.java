package com.interactionledger.replay.export;

import com.interactionledger.replay.ConnectionOptions;
import com.interactionledger.replay.PersonalDataOptions;
import com.interactionledger.replay.ReplayCli;
import com.interactionledger.replay.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;

@Command(name = "export",
        description = "Writes a signed export package into DIR: events.jsonl, report.html, manifest.json and "
                + "manifest.sig; of one customer (--customer ID --as-of INSTANT) or of a time window (--from "
                + "INSTANT --to INSTANT). The key (Ed25519, PKCS#8 PEM) comes from --signing-key or the file named "
                + "by LEDGER_EXPORT_SIGNING_KEY.",
        exitCodeList = {"0:done", "1:database unreachable or unreadable",
                "2:wrong usage, no signing key or not a key, or DIR cannot be written"})
public final class ExportCommand extends Subcommand {

    @Mixin
    private ConnectionOptions ledger;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the package")
    private Path directory;

    @Option(names = "--signing-key", paramLabel = "PEM", description = "The bank's private key")
    private Path signingKey;

    @Option(names = "--customer", paramLabel = "ID", description = "The customer to export, with --as-of")
    private String customer;

    @Option(names = "--as-of", paramLabel = "INSTANT", description = "Recorded time the customer's history is taken at")
    private Instant asOf;

    @Option(names = "--valid-at", paramLabel = "INSTANT",
            description = "With --customer: only what had happened by this valid time (an imported record's is its"
                    + " source's time)")
    private Instant validAt;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Start of the window (recorded time, included)")
    private Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "End of the window (excluded)")
    private Instant to;

    @Mixin
    private PersonalDataOptions keys;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        Path key = signingKey != null ? signingKey : environmentKey();
        ExportScope scope = scope();
        // The key is read before the ledger is: a wrong key file costs no connection.
        PrivateKey privateKey = ExportKeys.privateKey(key);
        return ledger.onLedger(connection -> {
            LedgerExport.Result result = LedgerExport.write(connection, scope, directory, privateKey,
                    keys.opener(ledger));
            out().println("exported " + result.events() + " events to " + result.directory() + " (ledger head at"
                    + " the instant: " + (result.head() == null ? "none" : "position " + result.head().position())
                    + ")");
            return ReplayCli.OK;
        });
    }

    private Path environmentKey() {
        String key = environment("LEDGER_EXPORT_SIGNING_KEY");
        if (key == null) {
            throw new IllegalArgumentException("an export is signed: give --signing-key PEM or set"
                    + " LEDGER_EXPORT_SIGNING_KEY (replay-tools keygen makes a key pair)");
        }
        return Path.of(key);
    }

    // Either scope, never a mix: kept out of picocli's argument groups so the message says what goes with what.
    private ExportScope scope() {
        if (customer != null) {
            if (from != null || to != null) {
                throw new IllegalArgumentException("--customer goes with --as-of, not with --from and --to");
            }
            return new ExportScope.Customer(customer, required(asOf, "--as-of"), validAt);
        }
        if (validAt != null) {
            throw new IllegalArgumentException("--valid-at goes with --customer: a window is of recorded time");
        }
        return new ExportScope.Window(required(from, "--from"), required(to, "--to"));
    }

    private static Instant required(Instant value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " is required");
        }
        return value;
    }
}
