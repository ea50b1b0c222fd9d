package com.interactionledger.projections.support;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store as the read models' processors read it, waking them as soon as new events can be read.
 * <p>
 * A pooled processor that has caught up asks its stream for a callback ("tell me when there is more"); the embedded
 * event store's streams offer none, so the processor looks again every 500 ms, and a read model lagged 0-500 ms
 * behind every command for that alone. Here every stream takes the callback, and one watcher, itself a reader at
 * the store's tail, calls them all whenever the store has made new events readable (it wakes with the store's own
 * notice of a commit) and, as a safety net, at least every half second. Events appended by another instance
 * are seen when the store next polls, as before.
 * <p>
 * The watcher starts with the first processor that asks for a callback (none does in distributed mode, where the
 * read models are fed from Kafka) and reads nothing but the store's tail, which the store already holds in memory.
 */
public final class WakingEventStream implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WakingEventStream.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Duration safetyNet;
    private final Duration pause;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Object watching = new Object();
    private Thread watcher;
    private volatile boolean closed;

    /**
     * @param safetyNet how often the processors are woken even when nothing new was seen (500 ms: what they did by
     *                  themselves)
     * @param pause     the least time between two wakings: under load the processors then apply the events of that
     *                  time as one batch each, instead of a small batch per commit (whose fixed costs add up); a
     *                  commit after a quiet spell wakes them at once
     */
    public WakingEventStream(StreamableMessageSource<TrackedEventMessage<?>> store, Duration safetyNet,
                             Duration pause) {
        this.store = store;
        this.safetyNet = safetyNet;
        this.pause = pause;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new Waking(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (watching) {
            if (watcher != null) {
                watcher.interrupt();
            }
        }
    }

    private void watch() {
        synchronized (watching) {
            if (watcher != null || closed) {
                return;
            }
            watcher = new Thread(this::wakeWhileOpen, "read-models-waking");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private void wakeWhileOpen() {
        while (!closed) {
            try (BlockingStream<TrackedEventMessage<?>> tail = store.openStream(store.createHeadToken())) {
                while (!closed) {
                    if (tail.hasNextAvailable((int) Math.min(Integer.MAX_VALUE, safetyNet.toMillis()),
                            TimeUnit.MILLISECONDS)) {
                        while (tail.hasNextAvailable()) {
                            tail.nextAvailable();
                        }
                    }
                    callbacks.forEach(Runnable::run);
                    Thread.sleep(pause.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The processors still look by themselves every few seconds; the watcher tries again shortly.
                log.warn("Watching the event store's tail failed; trying again in {}", safetyNet, e);
                try {
                    Thread.sleep(safetyNet.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A stream of the store that takes a callback, called by the watcher. */
    private final class Waking implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> stream;
        private Runnable callback;

        Waking(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                callbacks.remove(this.callback);
            }
            this.callback = callback;
            callbacks.add(callback);
            watch();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public Stream<TrackedEventMessage<?>> asStream() {
            return stream.asStream();
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            stream.close();
        }
    }
}
