package com.interactionledger.replay;

import com.interactionledger.ledger.sealing.MasterKeys;
import com.interactionledger.ledger.sealing.PersonalDataSerializer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The master keys of the subcommands that open personal fields (history, export): from {@code --master-keys-file},
 * else {@code LEDGER_MASTER_KEYS}, else the embedded default's development key. A file rather than the keys
 * themselves, since a command line is seen by every user of the machine ({@code ps}).
 */
public final class PersonalDataOptions {

    @Option(names = "--master-keys-file", paramLabel = "FILE", description = "A file holding the master keys"
            + " (id:base64[,id:base64...], as LEDGER_MASTER_KEYS holds them); else LEDGER_MASTER_KEYS")
    private Path masterKeysFile;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** Opens the personal fields of the ledger these options connect to. */
    public PersonalDataSerializer opener(ConnectionOptions ledger) {
        return ledger.personalData(masterKeys());
    }

    private String masterKeys() {
        if (masterKeysFile != null) {
            try {
                return Files.readString(masterKeysFile).trim();
            } catch (IOException e) {
                throw new ReplayCli.Failure(ReplayCli.FAILED, "cannot read --master-keys-file " + masterKeysFile
                        + ": " + ReplayCli.oneLine(e));
            }
        }
        String configured = Secrets.fromEnvironment(command, "LEDGER_MASTER_KEYS");
        return configured == null || configured.isBlank() ? MasterKeys.DEVELOPMENT : configured;
    }
}
