package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.ledger.append.CustomerIndex;
import com.interactionledger.ledger.append.LedgerChain;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.ledger.stored.RecordedTime;
import com.interactionledger.ledger.stored.StoredEvent;
import com.interactionledger.replay.ReplayCli;
import com.interactionledger.replay.verify.LedgerVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event stored at an old revision, exactly as the previous version of the ledger wrote it (the approved
 * revision-1 sample of MessageRecorded, linked and indexed like any append), is read in its new shape everywhere
 * events are read: the timeline projection shows revision 2's language and region, and the aggregate knows the
 * message. The stored bytes stay as they were: the history shows revision 1, and the chain still verifies.
 */
class EventEvolutionTest extends PostgresLedgerTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Environment environment;

    @TempDir
    Path work;

    @Test
    void aRevision1MessageIsReadAsRevision2ByProjectionsAndAggregates() throws Exception {
        accepted(http.post("/sessions", json("sessionId", "evolution-chat", "customerId", "evolution-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")));
        String oldPayload = fixture().replace("ses-0001", "evolution-chat").replace("cust-0001", "evolution-customer")
                .replace("msg-0001", "evolution-m1").replace("\"language\":\"en\"", "\"language\":\"zh-CN\"");
        storeAsThePreviousVersionDid(oldPayload);

        awaitTimelineVersion("evolution-chat", 1);
        JsonNode message = http.get("/sessions/evolution-chat").data().path("entries").get(1);
        assertThat(message.path("kind").asText()).isEqualTo("MESSAGE");
        assertThat(message.path("text").asText()).isEqualTo("My transfer was blocked");
        assertThat(message.path("details").path("language").asText()).isEqualTo("zh");
        assertThat(message.path("details").path("region").asText()).isEqualTo("CN");

        // The aggregate rebuilt the session with the old event in it: the message id is taken.
        assertThat(gateway().post("/sessions/evolution-chat/messages",
                json("messageId", "evolution-m1", "authorRole", "CUSTOMER", "text", "again")).code())
                .isEqualTo("DUPLICATE_MESSAGE");
        assertThat(gateway().post("/sessions/evolution-chat/messages",
                json("messageId", "evolution-m2", "authorRole", "CUSTOMER", "text", "new", "language", "zh-CN"))
                .json().path("version").asLong()).isEqualTo(2);

        List<JsonNode> messages = new java.util.ArrayList<>();
        http.as("REGULATOR", "fca-examiner").get("/regulator/customers/evolution-customer/history").data()
                .path("events").forEach(event -> {
                    if (event.path("type").asText().equals("MessageRecorded")) {
                        messages.add(event);
                    }
                });
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("revision").asText()).as("stored as it was").isEqualTo("1");
        assertThat(messages.get(0).path("payload").path("language").asText()).isEqualTo("zh-CN");
        assertThat(messages.get(1).path("revision").asText()).isEqualTo("2");
        assertThat(messages.get(1).path("payload").path("language").asText()).isEqualTo("zh");
        assertThat(messages.get(1).path("payload").path("region").asText()).isEqualTo("CN");
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            assertThat(LedgerVerifier.verify(connection, List.of()).findings()).isEmpty();
        }

        // An export names the revisions it holds and the upcaster its report's states were read through.
        assertThat(ReplayCli.run(new String[] {"keygen", "--out", work.toString()}, System.out, System.err)).isZero();
        assertThat(ReplayCli.run(new String[] {"export", "--jdbc-url", environment.getProperty("spring.datasource.url"),
                "--user", environment.getProperty("spring.datasource.username"), "--password-file",
                ReplayToolsRun.secretFile(environment.getProperty("spring.datasource.password", "")), "--signing-key",
                work.resolve("export-signing-key.pem").toString(), "--master-keys-file",
                TestInstallation.masterKeysFile().toString(), "--customer", "evolution-customer", "--as-of",
                Instant.now().toString(), "--out", work.resolve("export").toString()}, System.out, System.err)).isZero();
        JsonNode manifest = LedgerHttp.JSON.readTree(work.resolve("export").resolve("manifest.json").toFile());
        assertThat(manifest.path("eventRevisions").path("MessageRecorded").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(manifest.path("upcastersApplied").toString()).isEqualTo("[\"MessageRecorded 1 -> 2\"]");
    }

    /**
     * Inserts the row and links and indexes it in one transaction, as the append path of the old version did, at
     * the next position after the head (positions are handed out under the head lock).
     */
    private void storeAsThePreviousVersionDid(String payload) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            LedgerChain chain = new LedgerChain(jdbc);
            LedgerChain.Head head = chain.lockHead();
            jdbc.update("""
                    INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type,
                        eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)
                    VALUES (?, 'evolution-chat', 1, 'InteractionSession', 'evolution-event-1', ?, ?, '1', ?, ?)""",
                    head.globalIndex() + 1,
                    ("{\"actorId\":\"evolution-customer\",\"actorRole\":\"CUSTOMER\",\"channel\":\"WEB_CHAT\","
                            + "\"customerId\":\"evolution-customer\"}").getBytes(StandardCharsets.UTF_8),
                    payload.getBytes(StandardCharsets.UTF_8), MessageRecorded.class.getName(),
                    RecordedTime.format(Instant.now()));
            List<StoredEvent> stored = chain.stored(List.of("evolution-event-1"));
            chain.link(head, stored);
            new CustomerIndex(jdbc).index(stored);
        });
    }

    private static String fixture() throws Exception {
        // The contracts module's old-revision fixture, the form revision 1 was approved and stored in.
        try (InputStream in = new java.io.FileInputStream(
                "../contracts/src/test/resources/old-revisions/MessageRecorded-1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
