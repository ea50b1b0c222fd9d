package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.deploy.services.CommandSideService;
import com.interactionledger.replay.verify.LedgerVerifier;
import com.interactionledger.replay.verify.VerificationReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 commands against one session at once, from 8 threads, through two instances that share the PostgreSQL store:
 * the all-in-one application and a command-side service (so the only thing serialising them is the store's unique
 * key on session + sequence). Every accepted command's event is stored exactly once, sequence numbers have no gap,
 * and every refusal is a 409.
 */
class ConcurrentCommandsTest extends PostgresLedgerTest {

    private static final int COMMANDS = 200;
    private static final int THREADS = 8;

    @Autowired
    Environment environment;

    private ConfigurableApplicationContext secondInstance;

    @AfterEach
    void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void twoHundredConcurrentCommandsOnOneSessionEachAcceptedOnceGapFreeRestRefusedWith409() throws Exception {
        // Command-line arguments, so they win over application.yml (H2, port 8080) as they would in production.
        // The second instance is a command-side service, as the distributed shape scales them (docs/OPERATIONS.md).
        secondInstance = new SpringApplicationBuilder(CommandSideService.class)
                .run(TestInstallation.arguments(environment));
        int secondPort = Integer.parseInt(secondInstance.getEnvironment().getProperty("local.server.port"));
        List<LedgerHttp> instances = List.of(gateway(),
                new LedgerHttp(secondPort).as("SYSTEM", TestInstallation.GATEWAY));

        String session = "contended-session";
        assertThat(http.post("/sessions", json("sessionId", session, "customerId", "load-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")).status()).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<LedgerHttp.Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < COMMANDS; i++) {
                LedgerHttp instance = instances.get(i % 2);
                String body = json("messageId", "load-" + i, "authorRole", "CUSTOMER", "text", "message " + i);
                calls.add(pool.submit(() -> instance.post("/sessions/" + session + "/messages", body)));
            }
        } finally {
            pool.shutdown();
        }

        Set<String> acceptedMessages = new HashSet<>();
        Set<String> acceptedEventIds = new HashSet<>();
        Set<String> refusedMessages = new HashSet<>();
        for (int i = 0; i < COMMANDS; i++) {
            LedgerHttp.Response response = calls.get(i).get();
            assertThat(response.status()).as("command %d: %s", i, response).isIn(200, 409);
            if (response.status() == 200) {
                acceptedMessages.add("load-" + i);
                JsonNode events = response.json().path("events");
                assertThat(events).hasSize(1);
                acceptedEventIds.add(events.get(0).path("eventId").asText());
            } else {
                assertThat(response.code()).isEqualTo("CONCURRENT_MODIFICATION");
                refusedMessages.add("load-" + i);
            }
        }

        List<Map<String, Object>> stored = jdbc.queryForList("SELECT sequencenumber, eventidentifier, "
                + "convert_from(payload, 'UTF8')::jsonb ->> 'messageId' AS message_id "
                + "FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber > 0 "
                + "ORDER BY sequencenumber", session);
        List<String> storedMessages = stored.stream().map(row -> (String) row.get("message_id")).toList();
        List<String> storedEventIds = stored.stream().map(row -> (String) row.get("eventidentifier")).toList();
        List<Long> sequences = stored.stream().map(row -> ((Number) row.get("sequencenumber")).longValue()).toList();

        assertThat(acceptedMessages.size() + refusedMessages.size()).isEqualTo(COMMANDS);
        assertThat(storedMessages).as("each accepted command stored exactly once, nothing else")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(acceptedMessages);
        assertThat(storedEventIds).containsExactlyInAnyOrderElementsOf(acceptedEventIds);
        assertThat(sequences).as("gap-free sequence numbers")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, acceptedMessages.size()).boxed().toList());
        assertThat(acceptedMessages).as("some commands must get through").isNotEmpty();
        // Both instances appended through the chain's head lock: every event is linked once, in order.
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            VerificationReport chain = LedgerVerifier.verify(connection, List.of());
            assertThat(chain.findings()).isEmpty();
            assertThat(chain.intact()).isTrue();
            assertThat(chain.links()).isEqualTo(chain.events()).isGreaterThan(acceptedMessages.size());
        }
        System.out.printf("ConcurrentCommandsTest: %d accepted, %d refused with 409%n", acceptedMessages.size(),
                refusedMessages.size());
    }
}
