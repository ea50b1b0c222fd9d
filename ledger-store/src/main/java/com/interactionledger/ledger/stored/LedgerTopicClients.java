package com.interactionledger.ledger.stored;

import org.apache.kafka.clients.CommonClientConfigs;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * What the clients of the ledger's topic share: the command side's relay, which fills it, and the query side's feed,
 * which reads it. Each runs in a loop on a thread of its own and, when a step fails, tries again after a pause that
 * grows with the failures in a row.
 */
public final class LedgerTopicClients {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private LedgerTopicClients() {
    }

    /**
     * A client's settings: the configured ones for every client of the ledger (the broker's security, say), then the
     * brokers and the client's id; the caller adds its own, which win as these do.
     */
    public static Properties settings(Map<String, String> configured, String bootstrapServers, String clientId) {
        Properties config = new Properties();
        config.putAll(configured);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** The pause after {@code failures} failed attempts in a row: 200 ms, doubling, at most 5 s. */
    public static Duration backoff(int failures) {
        long millis = 100L << Math.min(failures, 10);
        return millis > MAX_BACKOFF.toMillis() ? MAX_BACKOFF : Duration.ofMillis(millis);
    }

    /**
     * Sleeps for the duration; false when interrupted (the thread's interrupt flag set again), and the loop should
     * then stop.
     */
    public static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts the client's loop on a daemon thread of its own: it never keeps the JVM from exiting. */
    public static Thread start(String threadName, Runnable loop) {
        Thread worker = new Thread(loop, threadName);
        worker.setDaemon(true);
        worker.start();
        return worker;
    }

    /** Waits at most {@code timeout} for a stopped loop's thread to end (none: nothing to wait for). */
    public static void awaitEnd(Thread worker, Duration timeout) {
        if (worker == null) {
            return;
        }
        try {
            worker.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
