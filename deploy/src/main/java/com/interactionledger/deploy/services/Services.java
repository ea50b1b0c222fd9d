package com.interactionledger.deploy.services;

import com.interactionledger.deploy.InteractionLedgerApplication;
import org.springframework.boot.SpringApplication;

import java.util.Map;

/** How each service of the distributed shape starts: offline, under its own application name (logs, metrics). */
final class Services {

    private Services() {
    }

    static void run(Class<?> service, String applicationName, String[] args) {
        InteractionLedgerApplication.offline();
        SpringApplication application = new SpringApplication(service);
        application.setDefaultProperties(Map.of("spring.application.name", applicationName));
        application.run(args);
    }
}
