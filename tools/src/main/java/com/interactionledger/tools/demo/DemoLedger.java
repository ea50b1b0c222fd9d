package com.interactionledger.tools.demo;

import com.interactionledger.deploy.InteractionLedgerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/**
 * The main job for a first look ({@code scripts/run.sh}): the all-in-one ledger on its embedded default (an H2 file,
 * {@link EmbeddedDefault}), filled with synthetic demo data when its ledger is empty. The same application as the
 * service image, plus the demo and the H2 driver.
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
        // The demo is for trying every role on the embedded H2 default: its database (the service has none of its
        // own) and the development issuer, unless the environment, a profile or the arguments choose otherwise (the
        // service itself defaults to oidc).
        Map<String, Object> defaults = new HashMap<>(EmbeddedDefault.datasource());
        defaults.put("ledger.access.mode", "development");
        demo.setDefaultProperties(defaults);
        return demo.run(args);
    }
}
