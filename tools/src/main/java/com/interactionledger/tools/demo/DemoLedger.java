package com.interactionledger.tools.demo;

import com.interactionledger.deploy.InteractionLedgerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The main job for a first look ({@code scripts/run.sh}): the all-in-one ledger on its embedded default, filled with
 * synthetic demo data when its ledger is empty. The same application as the service image, plus the demo.
 */
public final class DemoLedger {

    private DemoLedger() {
    }

    public static void main(String[] args) {
        run(args);
    }

    public static ConfigurableApplicationContext run(String... args) {
        InteractionLedgerApplication.offline();
        return new SpringApplication(InteractionLedgerApplication.class, DemoDataConfiguration.class).run(args);
    }
}
