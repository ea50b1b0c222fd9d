package com.interactionledger.deploy;

import com.interactionledger.command.idempotency.IdempotencyPurge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retried commands with the same Idempotency-Key never duplicate events. A key is its actor's: another actor's key of
 * the same name is another command. Outcomes are kept for the retention and then purged; the key is then new.
 */
class IdempotencyTest extends PostgresLedgerTest {

    @Autowired
    IdempotencyPurge purge;

    @Test
    void retryReturnsTheFirstAnswerAndAppendsNothing() {
        LedgerHttp client = http.with("Idempotency-Key", "start-idem-1");
        String body = json("sessionId", "idem-session", "customerId", "idem-customer", "channel", "PHONE",
                "entryPoint", "ivr", "queue", "cards");
        LedgerHttp.Response first = client.post("/sessions", body);
        assertThat(first.status()).isEqualTo(201);

        LedgerHttp.Response retry = client.post("/sessions", body);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsOf("idem-session")).isEqualTo(1);

        // Same request with the fields in another order is the same request.
        LedgerHttp.Response reordered = client.post("/sessions", json("queue", "cards", "entryPoint", "ivr",
                "channel", "PHONE", "customerId", "idem-customer", "sessionId", "idem-session"));
        assertThat(reordered.status()).isEqualTo(201);
        assertThat(reordered.raw().body()).isEqualTo(first.raw().body());

        // A message without a messageId gets one minted at the edge; the retry must not mint a second message.
        LedgerHttp messageClient = http.with("Idempotency-Key", "message-idem-1");
        String message = json("authorRole", "AGENT", "authorId", "test-agent-desktop", "text", "hold on");
        assertThat(http.post("/sessions/idem-session/assignment", json("agentId", "test-agent-desktop")).status())
                .isEqualTo(200);
        LedgerHttp.Response recorded = messageClient.post("/sessions/idem-session/messages", message);
        LedgerHttp.Response again = messageClient.post("/sessions/idem-session/messages", message);
        assertThat(again.raw().body()).isEqualTo(recorded.raw().body());
        assertThat(eventTypesOf("idem-session")).containsExactly("SessionStarted", "AgentAssigned", "MessageRecorded");
    }

    @Test
    void sameKeyWithADifferentRequestIsRefusedAndWritesNothing() {
        LedgerHttp client = http.with("Idempotency-Key", "reused-key");
        assertThat(client.post("/sessions", json("sessionId", "reuse-a", "customerId", "reuse-customer",
                "channel", "PHONE", "entryPoint", "ivr")).status()).isEqualTo(201);
        long before = businessEvents();

        LedgerHttp.Response other = client.post("/sessions", json("sessionId", "reuse-b", "customerId",
                "reuse-customer", "channel", "PHONE", "entryPoint", "ivr"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(businessEvents()).isEqualTo(before);
        assertThat(eventsOf("reuse-b")).isZero();
    }

    @Test
    void theSameKeyFromTwoActorsIsTwoCommandsAndEachActorsRetryReplaysItsOwnAnswer() {
        LedgerHttp first = http.as("AGENT", "idem-actor-one").with("Idempotency-Key", "shared-by-chance");
        LedgerHttp second = http.as("AGENT", "idem-actor-two").with("Idempotency-Key", "shared-by-chance");
        String firstBody = json("sessionId", "actors-one", "customerId", "actors-customer", "channel", "PHONE",
                "entryPoint", "ivr");
        String secondBody = json("sessionId", "actors-two", "customerId", "actors-customer", "channel", "PHONE",
                "entryPoint", "ivr");

        LedgerHttp.Response one = first.post("/sessions", firstBody);
        LedgerHttp.Response two = second.post("/sessions", secondBody);
        assertThat(one.status()).as(one.toString()).isEqualTo(201);
        assertThat(two.status()).as("another actor's key of the same name is another key: " + two).isEqualTo(201);
        assertThat(two.header("Idempotent-Replayed")).isNull();
        assertThat(eventsOf("actors-one")).isEqualTo(1);
        assertThat(eventsOf("actors-two")).isEqualTo(1);

        long before = businessEvents();
        LedgerHttp.Response oneAgain = first.post("/sessions", firstBody);
        LedgerHttp.Response twoAgain = second.post("/sessions", secondBody);
        assertThat(oneAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(oneAgain.raw().body()).isEqualTo(one.raw().body());
        assertThat(twoAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(twoAgain.raw().body()).isEqualTo(two.raw().body());
        // Each actor's key still guards its own request: the other's body under it is refused as before.
        assertThat(second.post("/sessions", firstBody).code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(businessEvents()).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT actor_id FROM command_idempotency WHERE idempotency_key = ?"
                + " ORDER BY actor_id", String.class, "shared-by-chance"))
                .containsExactly("idem-actor-one", "idem-actor-two");
    }

    @Test
    void anOutcomeOlderThanTheRetentionIsPurgedAndItsKeyThenStartsANewCommandWhileYoungerOutcomesStay() {
        assertThat(http.post("/sessions", json("sessionId", "purge-session", "customerId", "purge-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")).status()).isEqualTo(201);
        LedgerHttp old = gateway().with("Idempotency-Key", "purge-old");
        LedgerHttp young = gateway().with("Idempotency-Key", "purge-young");
        String oldMessage = json("authorRole", "CUSTOMER", "text", "asked long ago");
        String youngMessage = json("authorRole", "CUSTOMER", "text", "asked just now");
        List<LedgerHttp.Response> firstOld = new ArrayList<>();
        for (String key : List.of("purge-old", "purge-old-2", "purge-old-3")) {
            firstOld.add(gateway().with("Idempotency-Key", key).post("/sessions/purge-session/messages", oldMessage));
        }
        LedgerHttp.Response firstYoung = young.post("/sessions/purge-session/messages", youngMessage);
        assertThat(firstOld).allSatisfy(response -> assertThat(response.status()).isEqualTo(200));
        assertThat(firstYoung.status()).isEqualTo(200);

        // The application's purge, on the edge's clock and the default retention (7 days): all of them are young.
        assertThat(purge.purge()).isZero();
        assertThat(outcomesOf("purge-old")).isOne();

        // The same purge the moment the youngest is exactly 7 days old: everything recorded before it goes, it stays.
        // One row a statement, so the three old ones take several statements.
        Instant youngRecordedAt = jdbc.queryForObject("SELECT recorded_at FROM command_idempotency"
                + " WHERE idempotency_key = ?", java.sql.Timestamp.class, "purge-young").toInstant();
        Duration retention = Duration.ofDays(7);
        IdempotencyPurge aWeekLater = new IdempotencyPurge(jdbc,
                Clock.fixed(youngRecordedAt.plus(retention), ZoneOffset.UTC), retention, 1);
        assertThat(aWeekLater.purge()).isGreaterThanOrEqualTo(3);
        assertThat(outcomesOf("purge-old")).isZero();
        assertThat(outcomesOf("purge-old-2")).isZero();
        assertThat(outcomesOf("purge-old-3")).isZero();
        assertThat(outcomesOf("purge-young")).isOne();
        assertThat(aWeekLater.purge()).as("nothing left to purge").isZero();

        LedgerHttp.Response youngRetry = young.post("/sessions/purge-session/messages", youngMessage);
        assertThat(youngRetry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(youngRetry.raw().body()).isEqualTo(firstYoung.raw().body());
        LedgerHttp.Response oldRetry = old.post("/sessions/purge-session/messages", oldMessage);
        assertThat(oldRetry.status()).isEqualTo(200);
        assertThat(oldRetry.header("Idempotent-Replayed")).as("a purged key starts a new command").isNull();
        assertThat(oldRetry.json().path("position").asLong())
                .isGreaterThan(firstOld.get(0).json().path("position").asLong());
        assertThat(eventTypesOf("purge-session")).containsExactly("SessionStarted", "MessageRecorded",
                "MessageRecorded", "MessageRecorded", "MessageRecorded", "MessageRecorded");
        assertThat(outcomesOf("purge-old")).isOne();
    }

    @Test
    void aRefusedCommandDoesNotUseUpItsKey() {
        assertThat(http.post("/sessions", json("sessionId", "refusal-session", "customerId", "refusal-customer",
                "channel", "PHONE", "entryPoint", "ivr", "queue", "cards")).status()).isEqualTo(201);
        LedgerHttp client = http.with("Idempotency-Key", "refused-first");
        String resolve = json("resolutionCode", "ANSWERED", "firstContactResolution", true);

        LedgerHttp.Response refused = client.post("/sessions/refusal-session/resolution", resolve);
        assertThat(refused.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM command_idempotency WHERE idempotency_key = ?",
                Long.class, "refused-first")).isZero();
        // ... and the refusal is on the audit trail all the same, with its key (it was lost before: FuzzTest)
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry"
                + " WHERE payloadtype LIKE '%.CommandRefused'"
                + " AND convert_from(metadata, 'UTF8')::jsonb ->> 'idempotencyKey' = ?", Long.class,
                "refused-first") == 1);

        // Once the session allows it, the same key carries the command through, exactly once.
        assertThat(http.post("/sessions/refusal-session/assignment", json("agentId", "agent-3")).status())
                .isEqualTo(200);
        LedgerHttp.Response accepted = client.post("/sessions/refusal-session/resolution", resolve);
        assertThat(accepted.status()).isEqualTo(200);
        LedgerHttp.Response retried = client.post("/sessions/refusal-session/resolution", resolve);
        assertThat(retried.raw().body()).isEqualTo(accepted.raw().body());
        assertThat(eventTypesOf("refusal-session")).containsExactly("SessionStarted", "AgentAssigned",
                "SessionResolved");
    }

    @Test
    void concurrentRetriesOfOneRequestAppendOnce() throws Exception {
        assertThat(http.post("/sessions", json("sessionId", "race-session", "customerId", "race-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")).status()).isEqualTo(201);
        LedgerHttp client = gateway().with("Idempotency-Key", "racing-key");
        String body = json("authorRole", "CUSTOMER", "text", "sent by a flaky network, eight times");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<LedgerHttp.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<LedgerHttp.Response> call = () -> client.post("/sessions/race-session/messages", body);
                calls.add(pool.submit(call));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<LedgerHttp.Response> call : calls) {
                LedgerHttp.Response response = call.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                bodies.add(response.raw().body());
            }
            assertThat(bodies).containsOnly(bodies.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventTypesOf("race-session")).containsExactly("SessionStarted", "MessageRecorded");
    }

    private long outcomesOf(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM command_idempotency WHERE idempotency_key = ?", Long.class,
                key);
    }
}
