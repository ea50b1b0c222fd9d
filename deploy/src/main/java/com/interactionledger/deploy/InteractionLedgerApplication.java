package com.interactionledger.deploy;

import com.interactionledger.deploy.access.AccessConfiguration;
import com.interactionledger.deploy.web.FallbackProblemHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The all-in-one Interaction Ledger: command side, projections and query side in one JVM. The modules configure
 * themselves from the classpath; this application only chooses the database (H2 file by default, PostgreSQL
 * with the {@code postgres} profile) and adds access control and the fallback problem handler. (Named packages are
 * scanned, so that the separate services' entry points in {@code services} stay out.) The demo data is not part of
 * the service: the tools module's {@code DemoLedger} runs this application with it.
 */
@SpringBootApplication(scanBasePackageClasses = {AccessConfiguration.class, FallbackProblemHandler.class})
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
