package com.interactionledger.deploy;

import com.interactionledger.command.relay.KafkaRelay;
import com.interactionledger.command.relay.RelayProperties;
import com.interactionledger.projections.distribution.FeedProperties;
import com.interactionledger.projections.distribution.LedgerEventFeed;
import com.interactionledger.projections.history.LedgerEvents;
import com.interactionledger.projections.testsupport.KafkaBrokerProcess;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker's security as an installation configures it, through the ledger's own settings
 * ({@code ledger.kafka.client[...]}, docs/OPERATIONS.md): against a broker whose only listener the ledger is given
 * takes TLS (a certificate made for the run, trusted through a truststore) and SASL SCRAM-SHA-512, the relay publishes
 * and the feed applies with the right user and password; a relay or a feed with a wrong password, or one that does
 * not trust the broker's certificate, is refused by the broker and says so, publishing and applying nothing.
 */
@DirtiesContext
@TestPropertySource(properties = {"ledger.kafka.relay.enabled=true", "ledger.kafka.consumer.enabled=true",
        "ledger.node-id=query-secured"})
class KafkaSecurityTest extends PostgresLedgerTest {

    private static final String TOPIC = "ledger-events";
    private static KafkaBrokerProcess kafka;

    @Autowired
    KafkaRelay relay;

    @Autowired
    LedgerEventFeed feed;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @DynamicPropertySource
    static void theSecuredBroker(DynamicPropertyRegistry registry) {
        kafka = KafkaBrokerProcess.startSecured(TOPIC, 3);
        // the secured listener only: the ledger never sees the plain one
        registry.add("ledger.kafka.bootstrap-servers", kafka::securedBootstrapServers);
        kafka.clientSecurity(KafkaBrokerProcess.USER, KafkaBrokerProcess.PASSWORD)
                .forEach((setting, value) -> registry.add("ledger.kafka.client[" + setting + "]", () -> value));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void theRelayAndTheFeedConnectThroughTlsAndScramWithTheLedgersOwnSettings() {
        String customer = "secured-customer";
        accepted(bot().post("/sessions", json("sessionId", "secured-chat", "customerId", customer, "channel",
                "WEB_CHAT", "entryPoint", "web")));
        accepted(gateway().post("/sessions/secured-chat/messages", json("authorRole", "CUSTOMER", "text",
                "is this line encrypted?")));
        long head = jdbc.queryForObject("SELECT globalindex FROM ledger_chain_head WHERE id = 1", Long.class);

        await().atMost(Duration.ofSeconds(60)).until(() -> relay.position() >= head);
        awaitReadModelsCaughtUp();
        assertThat(relay.lastFailure()).isNull();
        assertThat(feed.lastFailure()).isNull();
        assertThat(feed.applied()).as("events the feed took from the secured listener").isPositive();
        assertThat(jdbc.queryForObject("SELECT message_count FROM timeline_session WHERE session_id = ?",
                Integer.class, "secured-chat")).isEqualTo(1);
    }

    @Test
    void aFeedWithAWrongPasswordIsRefusedByTheBrokerAndAppliesNothing() {
        assertFeedRefused(kafka.clientSecurity(KafkaBrokerProcess.USER, "not-the-password"), "Authentication failed");
    }

    @Test
    void aFeedThatDoesNotTrustTheBrokersCertificateIsRefused() {
        Map<String, String> untrusting = new HashMap<>(kafka.clientSecurity(KafkaBrokerProcess.USER,
                KafkaBrokerProcess.PASSWORD));
        // the JDK's own trusted authorities, which never signed the broker's certificate
        untrusting.keySet().removeIf(setting -> setting.startsWith("ssl.truststore."));
        assertFeedRefused(untrusting, "SSL handshake failed");
    }

    @Test
    void aRelayWithAWrongPasswordIsRefusedByTheBrokerAndPublishesNothing() {
        // a topic of its own, so that its position is its own
        String topic = "ledger-events-denied";
        KafkaRelay denied = new KafkaRelay(new RelayProperties(kafka.securedBootstrapServers(), topic,
                kafka.clientSecurity(KafkaBrokerProcess.USER, "not-the-password"),
                new RelayProperties.Relay(true, "earliest", 100, Duration.ofMillis(20), Duration.ofSeconds(5),
                        URI.create("urn:interaction-ledger"))), jdbc, transactions);
        denied.start();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(denied.lastFailure()).contains("Authentication failed"));
            assertThat(denied.position()).as("nothing acknowledged, nothing moved").isZero();
        } finally {
            denied.stop();
        }
    }

    /**
     * A second feed of this ledger, in a group of its own, with these client settings: it keeps failing with the
     * broker's refusal, and its group never gets an offset or a row.
     */
    private void assertFeedRefused(Map<String, String> client, String refusal) {
        String group = "denied-" + Long.toString(System.nanoTime(), 36);
        LedgerEventFeed denied = new LedgerEventFeed(new FeedProperties(kafka.securedBootstrapServers(), TOPIC, client,
                new FeedProperties.Consumer(true, group, 500)), jdbc, transactions, new LedgerEvents(eventSerializer),
                "query-denied");
        denied.start();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(denied.lastFailure()).contains(refusal));
            assertThat(denied.applied()).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM read_model_feed WHERE consumer_group = ?",
                    Long.class, group)).isZero();
        } finally {
            denied.stop();
        }
    }
}
