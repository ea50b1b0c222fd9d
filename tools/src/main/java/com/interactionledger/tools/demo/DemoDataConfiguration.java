package com.interactionledger.tools.demo;

import com.interactionledger.contracts.common.CustomerId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * An empty ledger is filled with synthetic journeys once it is up ({@code ledger.demo.customers} customers, 25 by
 * default). Only {@link DemoLedger} brings this in: the service's own image has no demo data to switch on by
 * mistake in a bank's ledger, where nothing written can be taken back.
 */
@Configuration(proxyBeanMethods = false)
class DemoDataConfiguration {

    @Bean
    DemoDataGenerator demoDataGenerator(CommandGateway commands, Clock clock) {
        return new DemoDataGenerator(commands, clock);
    }

    @Bean
    DemoOnStartup demoOnStartup(DemoDataGenerator generator, JdbcTemplate jdbc,
                                @Value("${ledger.demo.customers:25}") int customers) {
        return new DemoOnStartup(generator, jdbc, customers);
    }

    static class DemoOnStartup {
        private static final Logger log = LoggerFactory.getLogger(DemoOnStartup.class);
        private final DemoDataGenerator generator;
        private final JdbcTemplate jdbc;
        private final int customers;

        DemoOnStartup(DemoDataGenerator generator, JdbcTemplate jdbc, int customers) {
            this.generator = generator;
            this.jdbc = jdbc;
            this.customers = customers;
        }

        @EventListener(ApplicationReadyEvent.class)
        void fillEmptyLedger(ApplicationReadyEvent ready) {
            Long events = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
            if (events != null && events == 0) {
                CustomerId first = generator.generate(customers);
                log.info(tryIt(customers, first, ready.getApplicationContext().getEnvironment()
                        .getProperty("local.server.port", "8080")));
            }
        }

        /** What to try first, on the port the service actually listens on. */
        static String tryIt(int customers, CustomerId first, String port) {
            return "Demo data: " + customers + " customers created. Try: TOKEN=$(curl -s -X POST"
                    + " 'localhost:" + port + "/dev/tokens?actor=you&role=AGENT') && curl -s"
                    + " http://localhost:" + port + "/customers/" + first.value() + "/timeline"
                    + " -H \"Authorization: Bearer $TOKEN\"";
        }
    }
}
