package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.projections.distribution.LedgerEventFeed;
import com.interactionledger.projections.status.ProjectionStatuses;
import com.interactionledger.projections.support.CustomerReplay;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side in distributed mode, against a real broker: read models fed from the ledger's topic by a consumer
 * group. Two instances split the partitions and the read models converge to exactly the rows the in-process
 * handlers make from the store; an instance restarted from committed offsets that lag behind what it applied reads
 * those events again without changing a row.
 */
@TestPropertySource(properties = "ledger.node-id=query-a")
class KafkaFeedTest extends KafkaFedLedgerTest {

    @Autowired
    Environment environment;

    @Autowired
    LedgerEventFeed feed;

    @Autowired
    CustomerReplay replay;

    @Autowired
    PlatformTransactionManager transactions;

    /** The knowledge article the journeys' bot answers quote. */
    private static final String FEED_ARTICLE = "kb-feed-refunds";

    private ConfigurableApplicationContext secondInstance;

    @AfterEach
    void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void twoInstancesSplitThePartitionsAndTheReadModelsConvergeToWhatTheStoreMakes() {
        secondInstance = queryInstance("query-b");
        LedgerEventFeed secondFeed = secondInstance.getBean(LedgerEventFeed.class);
        awaitMembers(2);

        // an article's versions belong to no customer: keyed by their own stream on the topic, like any event
        accepted(http.as("SYSTEM", "knowledge-base").post("/knowledge-articles", json("articleId", FEED_ARTICLE,
                "version", 1, "title", "Refunds", "product", "cards", "language", "en")));
        List<String> customers = IntStream.range(0, 12).mapToObj(i -> "feed-" + i).toList();
        customers.forEach(customer -> journey(customer, customer + "-chat"));
        awaitReadModelsCaughtUp();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bot_quality_article WHERE article_id = ?", Long.class,
                FEED_ARTICLE)).as("the article, fed from Kafka").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bot_quality_answer a JOIN bot_quality_session s"
                + " ON s.session_id = a.session_id WHERE a.customer_id LIKE 'feed-%' AND s.resolved_by_bot"
                + " AND a.articles = ?", Long.class, FEED_ARTICLE + "@1"))
                .as("every journey's answer, quoting it, confirmed").isEqualTo(customers.size());

        assertThat(feed.applied()).as("events applied by the first instance").isPositive();
        assertThat(secondFeed.applied()).as("events applied by the second instance").isPositive();
        assertThat(jdbc.queryForList("SELECT position FROM audit_command_event ORDER BY position", Long.class))
                .as("one audit row per stored event, no more")
                .containsExactlyElementsOf(jdbc.queryForList("SELECT globalindex FROM domainevententry"
                        + " ORDER BY globalindex", Long.class));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM timeline_session WHERE customer_id LIKE 'feed-%'",
                Long.class)).isEqualTo(customers.size());

        Map<String, List<String>> fedFromKafka = readModelRows();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> customers.forEach(customer ->
                ProjectionStatuses.READ_MODELS.forEach(readModel -> replay.replay(readModel, customer, null))));
        assertThat(readModelRows()).as("rows the handlers make from the store, in process")
                .isEqualTo(fedFromKafka);
    }

    @Test
    void anInstanceRestartedFromLaggingCommittedOffsetsReadsAgainWithoutChangingARow() throws Exception {
        journey("redelivery-a", "redelivery-a-chat");
        journey("redelivery-b", "redelivery-b-chat");
        awaitReadModelsCaughtUp();
        Map<String, List<String>> before = readModelRows();

        feed.stop();
        awaitMembers(0);
        List<TopicPartition> partitions = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
        try (Admin admin = kafka.admin()) {
            // as after a crash between the database commit and the offset commit, for every event so far
            admin.alterConsumerGroupOffsets(GROUP, partitions.stream().collect(Collectors.toMap(p -> p,
                    p -> new OffsetAndMetadata(0)))).all().get(30, TimeUnit.SECONDS);
        }
        long skippedBefore = feed.skipped();
        long records = jdbc.queryForObject("SELECT COALESCE(SUM(last_offset + 1), 0) FROM kafka_relay_partition",
                Long.class);
        feed.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> feed.skipped() - skippedBefore >= records);

        assertThat(readModelRows()).as("nothing applied twice").isEqualTo(before);
        journey("redelivery-c", "redelivery-c-chat");
        awaitReadModelsCaughtUp();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM timeline_session WHERE customer_id = 'redelivery-c'",
                Long.class)).as("and what comes next is applied").isEqualTo(1);
    }

    @Test
    void freshnessStampsStayTruthfulWhileTheBrokerIsDownAndReadYourWritesWorksThroughKafka() {
        LedgerHttp reader = http.as("SUPERVISOR", "freshness-reader");
        long started = bot().post("/sessions", json("sessionId", "fresh-chat",
                "customerId", "fresh-customer", "channel", "WEB_CHAT", "entryPoint", "web")).json().path("position")
                .asLong();
        LedgerHttp.Response read = reader.get("/customers/fresh-customer/timeline?waitForPosition=" + started);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("freshness").path("position").asLong()).isGreaterThanOrEqualTo(started);
        assertThat(read.data().path("sessions")).hasSize(1);

        long written;
        kafka.stop();
        try {
            written = gateway().post("/sessions/fresh-chat/messages", json("messageId", "m1",
                    "authorRole", "CUSTOMER", "text", "are you there?")).json().path("position").asLong();
            LedgerHttp.Response behind = reader.get("/customers/fresh-customer/timeline");
            assertThat(behind.json().path("freshness").path("position").asLong())
                    .as("the stamp never claims what the read model has not applied").isLessThan(written);
            assertThat(behind.json().path("freshness").path("lagEvents").asLong()).isPositive();
            assertThat(behind.data().path("sessions").get(0).path("messageCount").asInt()).isZero();
            assertThat(reader.get("/customers/fresh-customer/timeline?waitForPosition=" + written
                    + "&waitTimeout=PT1S").code()).isEqualTo("READ_MODEL_BEHIND");
        } finally {
            kafka.startAgain();
        }
        LedgerHttp.Response caughtUp = reader.get("/customers/fresh-customer/timeline?waitForPosition=" + written
                + "&waitTimeout=PT30S");
        assertThat(caughtUp.status()).as(caughtUp.toString()).isEqualTo(200);
        assertThat(caughtUp.data().path("sessions").get(0).path("messageCount").asInt()).isEqualTo(1);
    }

    @Test
    void readModelsFedFromKafkaAreListedWithTheFeedsStateAndRefuseARebuild() {
        LedgerHttp admin = http.as("ADMIN", "feed-operator");
        JsonNode timeline = admin.get("/projections/timeline").data();
        assertThat(timeline.path("readModel").asBoolean()).isTrue();
        assertThat(timeline.path("running").asBoolean()).as("the feed runs").isTrue();
        assertThat(timeline.path("error").asBoolean()).isFalse();
        assertThat(admin.get("/projections").data()).hasSize(ProjectionStatuses.READ_MODELS.size());

        LedgerHttp.Response rebuild = admin.post("/projections/timeline/rebuild", "");
        assertThat(rebuild.code()).as(rebuild.toString()).isEqualTo("REBUILD_REFUSED");
        assertThat(rebuild.json().path("detail").asText()).contains("fed from Kafka");
    }

    /** A query-side instance (the all-in-one application, its relay off) on the same store and broker. */
    private ConfigurableApplicationContext queryInstance(String nodeId) {
        return new SpringApplicationBuilder(InteractionLedgerApplication.class).run(TestInstallation.arguments(
                environment,
                "--ledger.kafka.consumer.enabled=true",
                "--ledger.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--ledger.node-id=" + nodeId));
    }

    private void awaitMembers(int members) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Admin admin = kafka.admin()) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                        .get(10, TimeUnit.SECONDS).get(GROUP);
                List<MemberDescription> assigned = group.members().stream()
                        .filter(member -> !member.assignment().topicPartitions().isEmpty()).toList();
                return group.members().size() == members && assigned.size() == members;
            }
        });
    }

    /** A chat with two messages and a resolution. */
    private void journey(String customer, String session) {
        LedgerHttp bot = bot();
        accepted(bot.post("/sessions", json("sessionId", session, "customerId", customer, "channel", "WEB_CHAT",
                "entryPoint", "web")));
        accepted(gateway().post("/sessions/" + session + "/messages", json("messageId", "m1", "authorRole", "CUSTOMER",
                "text", "my card was charged twice")));
        accepted(bot.post("/sessions/" + session + "/sentiments", json("messageId", "m1", "score", -0.7,
                "model", Map.of("name", "sentiment-test", "version", "1"))));
        accepted(bot().post("/sessions/" + session + "/messages", json("messageId", "m2", "authorRole", "BOT",
                "authorId", TestInstallation.BOT, "text", "a refund is on its way", "basis", Map.of(
                        "model", Map.of("name", "eva", "version", "1"), "confidence", 0.9,
                        "articles", List.of(Map.of("articleId", FEED_ARTICLE, "version", 1, "title", "Refunds"))))));
        accepted(bot.post("/sessions/" + session + "/resolution", json("resolutionCode", "REFUNDED",
                "firstContactResolution", true)));
    }
}
