package com.interactionledger.command.cache;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sessions, complaints and customers' privacy state as last decided, kept in memory (one bounded cache per kind,
 * named by their {@code @Aggregate(cache = ...)}), so that a command does not rebuild its session from every event
 * it has: its cost does not grow with the session's length. A command that finds no entry loads the aggregate from
 * the store, as before.
 * <p>
 * Safe with several command-side instances on one store: an entry another instance has moved on leads to an append
 * at a stream position that is already taken; the store's unique key refuses it, the unit of work rolls back, Axon
 * drops the entry, and the dispatcher retries the command, which loads the fresh state
 * ({@code StreamConflictException}). Sizes: {@code ledger.command.cache.*}.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCaches {

    @Bean
    Cache sessionCache(@Value("${ledger.command.cache.sessions:20000}") long capacity) {
        return new BoundedCache(capacity);
    }

    @Bean
    Cache complaintCache(@Value("${ledger.command.cache.complaints:5000}") long capacity) {
        return new BoundedCache(capacity);
    }

    @Bean
    Cache customerPrivacyCache(@Value("${ledger.command.cache.customers:5000}") long capacity) {
        return new BoundedCache(capacity);
    }
}
