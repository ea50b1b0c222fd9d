package com.interactionledger.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The query side on its own, as a query-side service would run it: projections, the read API and the event store
 * they read (Axon's JDBC engine with the ledger's serializers). No command side.
 */
@SpringBootApplication
public class QuerySideTestApplication {

    @Bean
    TestReader testReader() {
        return new TestReader();
    }
}
