package com.interactionledger.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The query side on its own, as a query-side service would run it: projections, the read API and the event store
 * they read (Axon's JDBC engine with the ledger's serializers). No command side.
 */
@SpringBootApplication
public class QuerySideTestApplication {

    /** The tests' "now": after every event they record (spring 2026), so figures' default windows hold them all. */
    static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

    /**
     * A fixed "now", so that answers which depend on it (a figure's default window is the year up to now) are the
     * same whenever the tests run.
     */
    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    TestReader testReader() {
        return new TestReader();
    }
}
