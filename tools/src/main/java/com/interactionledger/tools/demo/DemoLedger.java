package com.interactionledger.tools.demo;

import com.interactionledger.deploy.InteractionLedgerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

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
        SpringApplication demo = new SpringApplication(InteractionLedgerApplication.class, DemoDataConfiguration.class);
        // The demo is for trying every role on the embedded H2 default: the development issuer, unless the
        // environment or the arguments choose otherwise (the service itself defaults to oidc).
        demo.setDefaultProperties(Map.of("ledger.access.mode", "development"));
        return demo.run(args);
    }
}
