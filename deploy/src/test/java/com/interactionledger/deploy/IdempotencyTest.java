package com.interactionledger.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Retried commands with the same Idempotency-Key never duplicate events. */
class IdempotencyTest extends PostgresLedgerTest {

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
        LedgerHttp.Response otherActor = client.as("AGENT", "someone-else").post("/sessions", json("sessionId",
                "reuse-a", "customerId", "reuse-customer", "channel", "PHONE", "entryPoint", "ivr"));
        assertThat(otherActor.status()).isEqualTo(422);
        assertThat(businessEvents()).isEqualTo(before);
        assertThat(eventsOf("reuse-b")).isZero();
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
}
