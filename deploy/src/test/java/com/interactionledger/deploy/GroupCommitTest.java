package com.interactionledger.deploy;

import com.interactionledger.ledger.append.AppendedEvent;
import com.interactionledger.ledger.append.GroupCommit;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.privacy.CustomerErased;
import com.interactionledger.contracts.privacy.CustomerErasedException;
import com.interactionledger.replay.verify.LedgerVerifier;
import com.interactionledger.replay.verify.VerificationReport;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Group commit: appends that arrive while the chain's head is locked are stored together, each gets its own
 * positions (consecutive, no gap), and one that cannot be stored fails alone while the rest of its batch commits.
 * The batches are made to form by holding the head lock from the test while the appends queue up.
 */
class GroupCommitTest extends PostgresLedgerTest {

    private static final Instant AT = Instant.parse("2026-06-01T09:00:00Z");

    @Autowired
    EventStorageEngine ledger;
    @Autowired
    GroupCommit groupCommit;

    @Test
    void appendsThatArriveTogetherAreStoredInOneBatchEachWithItsOwnPositions() throws Exception {
        long batchesBefore = groupCommit.batches();
        List<Future<List<AppendedEvent>>> appended = whileTheHeadIsLocked(30,
                i -> () -> append(started("batched-" + i, "batched-customer-" + i % 3)));

        List<Long> positions = new ArrayList<>();
        for (Future<List<AppendedEvent>> append : appended) {
            positions.add(append.get().get(0).position());
        }
        assertThat(positions).doesNotHaveDuplicates();
        assertThat(positions.stream().mapToLong(Long::longValue).max().orElseThrow()
                - positions.stream().mapToLong(Long::longValue).min().orElseThrow())
                .as("consecutive positions: no gap").isEqualTo(29);
        assertThat(groupCommit.batches() - batchesBefore)
                .as("each writer's first append alone, then the 30 queued behind the lock in one batch")
                .isEqualTo(groupCommit.writers() + 1);
        assertChainIntact();
    }

    @Test
    void anAppendAtATakenStreamPositionFailsAloneTheRestOfItsBatchCommits() throws Exception {
        append(started("taken-session", "taken-customer"));
        long headBefore = head();

        List<Future<List<AppendedEvent>>> appended = whileTheHeadIsLocked(9, i -> () -> append(i == 4
                ? started("taken-session", "taken-customer") : started("beside-taken-" + i, "taken-customer")));

        for (int i = 0; i < appended.size(); i++) {
            if (i == 4) {
                assertThat(failureOf(appended.get(i))).isInstanceOf(AggregateStreamCreationException.class);
            } else {
                assertThat(appended.get(i).get()).hasSize(1);
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Integer.class, "taken-session")).isEqualTo(1);
        assertThat(head() - headBefore).as("eight events stored (and the writers' own), no position skipped")
                .isEqualTo(8 + groupCommit.writers());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE globalindex > ?", Integer.class,
                headBefore)).isEqualTo(8 + groupCommit.writers());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE globalindex > ?"
                + " AND aggregateidentifier LIKE 'beside-taken-%'", Integer.class, headBefore)).isEqualTo(8);
        assertChainIntact();
    }

    @Test
    void anInteractionOfACustomerErasedEarlierInTheSameBatchIsRefusedAlone() throws Exception {
        List<Future<List<AppendedEvent>>> appended = whileTheHeadIsLocked(3, i -> () -> switch (i) {
            case 0 -> append(started("before-erasure", "erased-in-batch"));
            case 1 -> append(new GenericDomainEventMessage<>("CustomerPrivacy", "erased-in-batch", 0,
                    new CustomerErased(new CustomerId("erased-in-batch"), "GDPR Art. 17", "dpo-1", AT)));
            default -> append(started("after-erasure", "erased-in-batch"));
        });

        assertThat(appended.get(0).get()).hasSize(1);
        assertThat(appended.get(1).get()).hasSize(1);
        assertThat(failureOf(appended.get(2))).isInstanceOf(CustomerErasedException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Integer.class, "after-erasure")).isZero();
        assertChainIntact();
    }

    @Test
    void anInteractionWaitingForTheLockBehindAnotherBatchsErasureIsRefused() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<List<AppendedEvent>> erasure;
        Future<List<AppendedEvent>> after;
        try (Connection holder = jdbc.getDataSource().getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT globalindex FROM ledger_chain_head WHERE id = 1 FOR UPDATE");
            long expected = groupCommit.appends() + 1;
            erasure = pool.submit(() -> append(new GenericDomainEventMessage<>("CustomerPrivacy", "erased-meanwhile",
                    0, new CustomerErased(new CustomerId("erased-meanwhile"), "GDPR Art. 17", "dpo-1", AT))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> groupCommit.appends() >= expected && groupCommit.queued() == 0);
            // With two writers this one waits for the lock in a batch of its own, while the erasure's holds it.
            after = pool.submit(() -> append(started("after-erasure-meanwhile", "erased-meanwhile")));
            await().atMost(Duration.ofSeconds(30)).until(() -> groupCommit.appends() >= expected + 1);
            holder.rollback();
        } finally {
            pool.shutdown();
        }

        assertThat(erasure.get()).hasSize(1);
        assertThat(failureOf(after)).isInstanceOf(CustomerErasedException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Integer.class, "after-erasure-meanwhile")).isZero();
        assertChainIntact();
    }

    @Test
    void requestsSentAgainWhileTheFirstIsUnderWayStoreOneMessageAndAllGetItsAnswer() throws Exception {
        assertThat(http.post("/sessions", json("sessionId", "idem-twins", "customerId", "idem-twins-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")).status()).isEqualTo(201);
        LedgerHttp client = gateway().with("Idempotency-Key", "idem-twins-key");
        String body = json("messageId", "idem-twins-m1", "authorRole", "CUSTOMER", "text", "only once");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<LedgerHttp.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> client.post("/sessions/idem-twins/messages", body)));
            }
        } finally {
            pool.shutdown();
        }

        LedgerHttp.Response first = answers.get(0).get();
        assertThat(first.status()).isEqualTo(200);
        for (Future<LedgerHttp.Response> answer : answers) {
            assertThat(answer.get().status()).isEqualTo(200);
            assertThat(answer.get().raw().body()).isEqualTo(first.raw().body());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?"
                + " AND payloadtype LIKE '%MessageRecorded'", Integer.class, "idem-twins")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE"
                + " '%CommandRefused' AND convert_from(metadata, 'UTF8') LIKE ?", Integer.class,
                "%idem-twins-key%")).as("a twin answered with the first's outcome is no refusal").isZero();
    }

    @Test
    void twoActorsSendingTheSameKeyInOneBatchBothHaveTheirCommandsStored() throws Exception {
        long batchesBefore = groupCommit.batches();
        List<Future<LedgerHttp.Response>> answers = whileTheHeadIsLocked(2, i -> () -> http
                .as("AGENT", "batch-actor-" + i).with("Idempotency-Key", "one-key-two-actors")
                .post("/sessions", json("sessionId", "one-key-actor-" + i, "customerId", "one-key-customer",
                        "channel", "PHONE", "entryPoint", "ivr")));

        for (Future<LedgerHttp.Response> answer : answers) {
            assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(201);
        }
        assertThat(groupCommit.batches() - batchesBefore)
                .as("each writer's first append alone, then both commands in one batch, which none failed")
                .isEqualTo(groupCommit.writers() + 1);
        assertThat(jdbc.queryForList("SELECT actor_id FROM command_idempotency WHERE idempotency_key = ?"
                + " ORDER BY actor_id", String.class, "one-key-two-actors"))
                .containsExactly("batch-actor-0", "batch-actor-1");
        assertThat(eventsOf("one-key-actor-0") + eventsOf("one-key-actor-1")).isEqualTo(2);
    }

    /**
     * Locks the chain's head from the test, gives each writer an append of its own to wait for the lock with, starts
     * {@code count} tasks one after the other (each once the previous one's append was admitted), then releases the
     * lock: the first writer free finds them all waiting, and takes them as one batch.
     */
    private <T> List<Future<T>> whileTheHeadIsLocked(int count, IntFunction<java.util.concurrent.Callable<T>> task)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count + groupCommit.writers());
        List<Future<T>> futures = new ArrayList<>();
        List<Future<List<AppendedEvent>>> occupying = new ArrayList<>();
        try (Connection holder = jdbc.getDataSource().getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT globalindex FROM ledger_chain_head WHERE id = 1 FOR UPDATE");
            for (int w = 0; w < groupCommit.writers(); w++) {
                String session = "occupies-writer-" + UUID.randomUUID();
                long expected = groupCommit.appends() + 1;
                occupying.add(pool.submit(() -> append(started(session, "occupies-writers"))));
                // Taken by a writer (admitted, none left queued), which now waits for the lock with it alone.
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> groupCommit.appends() >= expected && groupCommit.queued() == 0);
            }
            long admittedBefore = groupCommit.appends();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(task.apply(i)));
                long expected = admittedBefore + i + 1;
                // Admitted: queued behind the writers that wait for the lock.
                await().atMost(Duration.ofSeconds(30)).until(() -> groupCommit.appends() >= expected);
            }
            holder.rollback();
        } finally {
            pool.shutdown();
        }
        for (Future<List<AppendedEvent>> append : occupying) {
            assertThat(append.get()).hasSize(1);
        }
        return futures;
    }

    private List<AppendedEvent> append(org.axonframework.eventhandling.EventMessage<?> event) {
        return groupCommitAppend(event);
    }

    private List<AppendedEvent> groupCommitAppend(org.axonframework.eventhandling.EventMessage<?> event) {
        ledger.appendEvents(List.of(event));
        // The positions the events got, read back: appends outside a unit of work return nothing to the caller.
        return jdbc.query("SELECT eventidentifier, aggregateidentifier, sequencenumber, globalindex"
                        + " FROM domainevententry WHERE eventidentifier = ?",
                (rs, row) -> new AppendedEvent(rs.getString(1), event.getPayloadType().getSimpleName(),
                        rs.getString(2), rs.getLong(3), rs.getLong(4)), event.getIdentifier());
    }

    private static GenericDomainEventMessage<SessionStarted> started(String session, String customer) {
        return new GenericDomainEventMessage<>("InteractionSession", session, 0, new SessionStarted(
                new SessionId(session), new CustomerId(customer), Channel.WEB_CHAT, null, "web", "en", null, null,
                null, null, AT), Map.of("actorId", "group-commit-test", "actorRole", "SYSTEM"));
    }

    private static Throwable failureOf(Future<?> future) throws InterruptedException {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private long head() {
        return jdbc.queryForObject("SELECT globalindex FROM ledger_chain_head WHERE id = 1", Long.class);
    }

    private void assertChainIntact() throws Exception {
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            VerificationReport chain = LedgerVerifier.verify(connection, List.of());
            assertThat(chain.findings()).isEmpty();
            assertThat(chain.intact()).isTrue();
        }
    }
}
