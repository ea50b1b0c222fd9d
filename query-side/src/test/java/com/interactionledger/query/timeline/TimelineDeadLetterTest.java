package com.interactionledger.query.timeline;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.projections.testsupport.PostgresDatabaseInitializer;
import com.interactionledger.projections.timeline.TimelineProjection;
import com.interactionledger.query.LedgerEvents;
import com.interactionledger.query.QuerySideTestApplication;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison event does not stop the timeline: it is parked in the dead-letter table (with the rest of its customer's
 * events behind it: the timeline applies one customer's events in ledger order) and every other customer's sessions
 * keep being projected.
 */
@SpringBootTest(classes = QuerySideTestApplication.class)
@ContextConfiguration(initializers = PostgresDatabaseInitializer.class)
class TimelineDeadLetterTest {

    private static final CustomerId CUSTOMER = new CustomerId("dlq-customer");
    private static final CustomerId OTHER = new CustomerId("dlq-other-customer");
    /** The second test's poison customer: the first test's stays parked. */
    private static final CustomerId THIRD = new CustomerId("dlq-third-customer");
    private static final Instant AT = Instant.parse("2026-04-01T08:00:00Z");

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailingEventIsDeadLetteredWhileOtherCustomersAreStillProjected() {
        SessionId orphan = new SessionId("dlq-orphan");
        SessionId healthy = new SessionId("dlq-healthy");
        new LedgerEvents(eventStore)
                // A message for a session the projection never saw start: it cannot be applied.
                .append("CUSTOMER", CUSTOMER.value(), new MessageRecorded(orphan, CUSTOMER, new MessageId("m1"),
                        ParticipantRole.CUSTOMER, CUSTOMER.value(), "hello?", null, null, List.of(), AT))
                .append("BOT", "eva-bot", new SessionStarted(healthy, OTHER, Channel.MOBILE_APP, null, "app",
                        "en", null, null, null, null, AT.plusSeconds(1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(
                "SELECT 1 FROM timeline_session WHERE session_id = ?", healthy.value()).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(
                "SELECT 1 FROM deadletterentry WHERE processinggroup = ? AND sequenceidentifier = ?",
                TimelineProjection.PROCESSING_GROUP, CUSTOMER.value()).isEmpty());

        Map<String, Object> parked = jdbc.queryForMap("SELECT sequenceidentifier, payloadtype, causetype, causemessage"
                + " FROM deadletterentry WHERE processinggroup = ? AND sequenceidentifier = ?",
                TimelineProjection.PROCESSING_GROUP, CUSTOMER.value());
        assertThat((String) parked.get("payloadtype")).endsWith("MessageRecorded");
        assertThat((String) parked.get("causetype")).isEqualTo(IllegalStateException.class.getName());
        assertThat((String) parked.get("causemessage")).contains("unknown session dlq-orphan");
        assertThat(jdbc.queryForList("SELECT 1 FROM timeline_entry WHERE session_id = ?", orphan.value())).isEmpty();
    }

    /**
     * A failure inside the database (here a value too long for its column) aborts a PostgreSQL transaction; the
     * event is still dead-lettered and the others still projected: the batch is applied again with a savepoint around
     * the failing event.
     */
    @Test
    void aFailingStatementIsDeadLetteredWithoutStoppingTheReadModel() {
        SessionId tooLong = new SessionId("dlq-too-long");
        SessionId after = new SessionId("dlq-after");
        new LedgerEvents(eventStore)
                .append("BOT", "eva-bot", new SessionStarted(tooLong, THIRD, Channel.WEB_CHAT, null,
                        "x".repeat(300), "en", null, null, null, null, AT))
                .append("BOT", "eva-bot", new SessionStarted(after, OTHER, Channel.WEB_CHAT, null, "app", "en",
                        null, null, null, null, AT.plusSeconds(2)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(
                "SELECT 1 FROM timeline_session WHERE session_id = ?", after.value()).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(
                "SELECT 1 FROM deadletterentry WHERE processinggroup = ? AND sequenceidentifier = ?",
                TimelineProjection.PROCESSING_GROUP, THIRD.value()).isEmpty());
        assertThat(jdbc.queryForObject("SELECT causemessage FROM deadletterentry WHERE sequenceidentifier = ?",
                String.class, THIRD.value())).containsIgnoringCase("too long");
        assertThat(jdbc.queryForList("SELECT 1 FROM timeline_session WHERE session_id = ?", tooLong.value())).isEmpty();
    }
}
