package com.interactionledger.tools;

import com.interactionledger.deploy.BytesOnDisk;
import com.interactionledger.deploy.LedgerHttp;
import com.interactionledger.ledger.sealing.PersonalDataSerializer;
import com.interactionledger.projections.status.ProjectionStatuses;
import com.interactionledger.tools.demo.DemoLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The drill of "erasure reaches the bytes on disk", on the embedded default (the H2 file under the data directory):
 * a customer's texts are recorded, the customer is erased, the read models apply the erasure, a {@code CHECKPOINT
 * SYNC} writes everything to the file, and the data directory's files are searched for the texts' bytes while the
 * service runs and again once it has stopped: none may be there. H2 keeps old versions of rows in the file's older
 * chunks until it compacts them, so a read model that held the decrypted text left copies of it behind; sealed under
 * the customer's key, they are unreadable once the key is destroyed. The same search finds a value stored in clear
 * in the same rows (the message's id), so a miss means the text is not there.
 * <p>
 * Run against the read models of before, this drill found the message text, the handoff context and the complaint
 * description in {@code ledger.mv.db} after the erasure.
 */
class EmbeddedErasureOnDiskTest {

    private static final String RUN = "ERASED-ON-DISK-H2";
    private static final String CUSTOMER = "erased-on-disk-h2";
    private static final String CHAT = CUSTOMER + "-chat";
    private static final String MESSAGE_ID = CUSTOMER + "-m1";
    private static final List<String> PERSONAL = List.of(RUN + "-TEXT", RUN + "-ATTACHMENT-REF", RUN + "-FILE-NAME",
            RUN + "-HANDOFF-REASON", RUN + "-HANDOFF-CONTEXT", RUN + "-COMPLAINT");

    @TempDir
    Path dataDir;

    @Test
    void afterAnErasureTheEmbeddedDatabaseFileHoldsNoneOfTheCustomersTexts() {
        try (ConfigurableApplicationContext app = DemoLedger.run("--server.port=0", "--ledger.data-dir=" + dataDir,
                "--ledger.demo.customers=0")) {
            LedgerHttp http = LedgerHttp.developmentIssuerAt(
                    Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            LedgerHttp agent = http.as("AGENT", "disk-agent");
            recordJourney(http, agent);
            awaitReadModelsCaughtUp(http);
            assertThat(agent.get("/sessions/" + CHAT).raw().body()).as("the agent reads the texts before the erasure")
                    .contains(PERSONAL.subList(0, 5));
            assertThat(agent.get("/complaints/" + CUSTOMER + "-complaint").raw().body()).contains(PERSONAL.get(5));

            accepted(http.as("ADMIN", "disk-admin-1").post("/privacy/customers/" + CUSTOMER + "/erasure",
                    json("legalBasis", "GDPR Art. 17(1)(a)")));
            accepted(http.as("ADMIN", "disk-admin-2").post("/privacy/customers/" + CUSTOMER + "/erasure/approval",
                    null));
            awaitReadModelsCaughtUp(http);
            assertThat(agent.get("/sessions/" + CHAT).raw().body()).contains(PersonalDataSerializer.ERASED)
                    .doesNotContain(RUN);
            assertThat(agent.get("/complaints/" + CUSTOMER + "-complaint").raw().body())
                    .contains(PersonalDataSerializer.ERASED).doesNotContain(RUN);

            app.getBean(JdbcTemplate.class).execute("CHECKPOINT SYNC");
            assertNoTextOnDisk("while the service runs");
        }
        assertNoTextOnDisk("once the service has stopped");
    }

    private void assertNoTextOnDisk(String when) {
        List<String> strings = new ArrayList<>(PERSONAL);
        strings.add(MESSAGE_ID);
        BytesOnDisk search = new BytesOnDisk(strings).searchUnder(List.of(dataDir));
        assertThat(search.filesHolding(MESSAGE_ID)).as("the search finds a value stored in clear, " + when
                + " (" + search + ")").isNotEmpty();
        assertThat(search.holding(PERSONAL)).as("the customer's texts on disk " + when + " (" + search + ")")
                .isEmpty();
    }

    /** A web chat: the customer's message with an attachment, the bot's handoff, and a complaint about it. */
    private static void recordJourney(LedgerHttp http, LedgerHttp agent) {
        LedgerHttp gateway = http.as("SYSTEM", "web-chat");
        LedgerHttp bot = http.as("SYSTEM", "eva-bot");
        accepted(gateway.post("/sessions", json("sessionId", CHAT, "customerId", CUSTOMER, "channel", "WEB_CHAT",
                "entryPoint", "web")));
        accepted(gateway.post("/sessions/" + CHAT + "/messages", json("messageId", MESSAGE_ID,
                "authorRole", "CUSTOMER", "text", "message " + PERSONAL.get(0), "language", "en-GB",
                "attachments", List.of(Map.of("reference", "s3://uploads/" + PERSONAL.get(1),
                        "mediaType", "application/pdf", "fileName", PERSONAL.get(2) + ".pdf")))));
        accepted(bot.post("/sessions/" + CHAT + "/handoff", json("queue", "cards",
                "reason", "reason " + PERSONAL.get(3), "contextSummary", "context " + PERSONAL.get(4))));
        accepted(agent.post("/complaints", json("complaintId", CUSTOMER + "-complaint", "customerId", CUSTOMER,
                "sessions", new String[] {CHAT}, "channel", "WEB_CHAT", "product", "credit_card",
                "category", "fees", "description", "complaint " + PERSONAL.get(5), "jurisdiction", "UK_FCA")));
    }

    /** Every read model has applied everything in the store and none is replaying. */
    private static void awaitReadModelsCaughtUp(LedgerHttp http) {
        LedgerHttp admin = http.as("ADMIN", "disk-watch");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            LedgerHttp.Response statuses = admin.get("/projections");
            if (statuses.status() != 200 || statuses.data().size() != ProjectionStatuses.READ_MODELS.size()) {
                return false;
            }
            for (var status : statuses.data()) {
                if (status.path("lagEvents").asLong() != 0 || status.path("replaying").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static void accepted(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}
