package com.interactionledger.deploy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The all-in-one Interaction Ledger: command side, projections and query side in one JVM. The modules configure
 * themselves from the classpath; this application only chooses the database (H2 file by default, PostgreSQL
 * with the {@code postgres} profile) and adds the demo data generator.
 */
@SpringBootApplication
public class InteractionLedgerApplication {

    public static void main(String[] args) {
        offline();
        SpringApplication.run(InteractionLedgerApplication.class, args);
    }

    /** Axon's update checker would look up a remote host at start and write under ~/.axoniq; the ledger runs offline. */
    public static void offline() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
