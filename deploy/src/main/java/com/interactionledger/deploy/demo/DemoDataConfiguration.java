package com.interactionledger.deploy.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** With {@code ledger.demo.enabled=true}, an empty ledger is filled with synthetic journeys once it is up. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.demo.enabled", havingValue = "true")
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
        private final DemoDataGenerator generator;
        private final JdbcTemplate jdbc;
        private final int customers;

        DemoOnStartup(DemoDataGenerator generator, JdbcTemplate jdbc, int customers) {
            this.generator = generator;
            this.jdbc = jdbc;
            this.customers = customers;
        }

        @EventListener(ApplicationReadyEvent.class)
        void fillEmptyLedger() {
            Long events = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
            if (events != null && events == 0) {
                generator.generate(customers);
            }
        }
    }
}
