package com.interactionledger.deploy;

import com.interactionledger.projections.support.WakingEventStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models' processors are woken by the commit that makes new events readable, not by a timer: with the
 * safety net set to an hour, only the store's notice of a commit can call the callback.
 */
class WakingEventStreamTest extends PostgresLedgerTest {

    @Autowired
    EventStore eventStore;

    @Test
    void aStreamThatAskedForACallbackIsWokenByTheNextCommitAndFindsItsEventReadable() throws Exception {
        try (WakingEventStream events = new WakingEventStream(eventStore, Duration.ofHours(1), Duration.ZERO);
             BlockingStream<TrackedEventMessage<?>> stream = events.openStream(events.createHeadToken())) {
            CountDownLatch woken = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(woken::countDown)).isTrue();

            // The watcher starts with the first callback, at the store's head of that moment: a commit that beat it
            // there goes unseen, so commands are sent until one wakes the stream (the first, nearly always).
            for (int i = 0; i < 30 && woken.getCount() > 0; i++) {
                assertThat(http.post("/sessions", json("sessionId", "waking-session-" + i, "customerId",
                        "waking-customer", "channel", "WEB_CHAT", "entryPoint", "web")).status()).isEqualTo(201);
                woken.await(1, TimeUnit.SECONDS);
            }

            assertThat(woken.getCount()).as("woken by a commit").isZero();
            assertThat(stream.hasNextAvailable()).as("what woke it can be read").isTrue();
        }
    }
}
