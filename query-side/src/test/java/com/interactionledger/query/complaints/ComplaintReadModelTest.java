package com.interactionledger.query.complaints;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ComplaintAcknowledged;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.ComplaintDeadlineBreached;
import com.interactionledger.contracts.complaint.ComplaintHoldingResponseSent;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.complaint.ComplaintOutcome;
import com.interactionledger.contracts.complaint.ComplaintResolved;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.Money;
import com.interactionledger.contracts.complaint.Redress;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.projections.complaints.ComplaintsProjection;
import com.interactionledger.projections.support.Pseudonyms;
import com.interactionledger.query.LedgerEvents;
import com.interactionledger.query.ReadModelTest;
import com.interactionledger.query.ReadModelTestSupport;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The complaint read model fed with hand-written events on a real PostgreSQL and read back through the HTTP API.
 * Five complaints of two customers, with every figure worked out by hand in the comments:
 * <pre>
 * C1 UK  credit_card/fees     WEB_CHAT cust-a  received 03-02 10:00, resolved 03-12 10:00 UPHELD 50.00 GBP  (10 days, timely)
 * C2 UK  credit_card/fees     PHONE    cust-b  received 03-03 10:00, breached 04-29, resolved 05-03 10:00 REJECTED (61 days, late)
 * C3 US  mortgage/escrow      PHONE    cust-a  received 03-10 15:00, holding 03-20, resolved 04-01 15:00 PARTIALLY_UPHELD 120.50 USD (22 days, timely)
 * C4 CN  debit_card/transfer  SOCIAL   cust-b  received 03-20 02:00, open, NFRA decision due 04-07 (Shanghai)
 * C5 UK  credit_card/interest WEB_CHAT cust-a  received 04-01 09:00, open, final response due 05-27 (London)
 * </pre>
 */
// Figures are about every complaint and session in the ledger: this test needs a ledger of its own, not the one the
// other query-side tests share.
@ReadModelTest(properties = "ledger.test.ledger=complaint-figures")
class ComplaintReadModelTest extends ReadModelTestSupport {

    /** The instant the questions are asked at: C4 is overdue, C5 is due within two days. */
    private static final String AT = "2026-05-26T12:00:00Z";

    @Autowired
    Pseudonyms pseudonyms;

    @BeforeAll
    void recordComplaints() {
        LedgerEvents ledger = ledger();
        // Sessions in March: 4 web chats, 2 calls, 1 WeChat; one web chat in April.
        String[][] sessions = {{"s-web-1", "WEB_CHAT"}, {"s-web-2", "WEB_CHAT"}, {"s-web-3", "WEB_CHAT"},
                {"s-web-4", "WEB_CHAT"}, {"s-call-1", "PHONE"}, {"s-call-2", "PHONE"}, {"s-wechat-1", "SOCIAL"}};
        for (int i = 0; i < sessions.length; i++) {
            ledger.append("BOT", "bot", new SessionStarted(new SessionId(sessions[i][0]), new CustomerId("cust-a"),
                    Channel.valueOf(sessions[i][1]), sessions[i][1].equals("SOCIAL") ? com.interactionledger.contracts.dialogue.SocialNetwork.WECHAT : null,
                    "entry", "en", null, null, null, null, Instant.parse("2026-03-01T08:00:00Z").plusSeconds(i)));
        }
        ledger.append("BOT", "bot", new SessionStarted(new SessionId("s-web-5"), new CustomerId("cust-a"),
                Channel.WEB_CHAT, null, "entry", "en", null, null, null, null, Instant.parse("2026-04-01T08:00:00Z")));

        complaint(ledger, "C1", "cust-a", Jurisdiction.UK_FCA, "credit_card", "fees", Channel.WEB_CHAT,
                "2026-03-02T10:00:00Z", fca("2026-03-05", "2026-03-06T00:00:00Z", "2026-04-27", "2026-04-27T23:00:00Z"));
        ledger.append("AGENT", "handler-1", new ComplaintResolved(id("C1"), customer("cust-a"), ComplaintOutcome.UPHELD,
                new Redress(new Money(new BigDecimal("50.00"), "GBP"), null), "Refunded", false, at("2026-03-12T10:00:00Z")));

        complaint(ledger, "C2", "cust-b", Jurisdiction.UK_FCA, "credit_card", "fees", Channel.PHONE,
                "2026-03-03T10:00:00Z", fca("2026-03-06", "2026-03-07T00:00:00Z", "2026-04-28", "2026-04-28T23:00:00Z"));
        ledger.append("SYSTEM", "complaint-clock-watcher", new ComplaintDeadlineBreached(id("C2"), customer("cust-b"),
                ClockType.FCA_FINAL_RESPONSE, at("2026-04-28T23:00:00Z"), at("2026-04-29T00:00:00Z")));
        ledger.append("AGENT", "handler-2", new ComplaintResolved(id("C2"), customer("cust-b"), ComplaintOutcome.REJECTED,
                Redress.NONE, "No error", false, at("2026-05-03T10:00:00Z")));

        complaint(ledger, "C3", "cust-a", Jurisdiction.US_CFPB, "mortgage", "escrow", Channel.PHONE,
                "2026-03-10T15:00:00Z", List.of(
                        clock(ClockType.CFPB_RESPONSE, "2026-03-25", "2026-03-26T04:00:00Z", true),
                        clock(ClockType.CFPB_FINAL_RESPONSE, "2026-05-09", "2026-05-10T04:00:00Z", true)));
        ledger.append("AGENT", "handler-3",
                new ComplaintHoldingResponseSent(id("C3"), customer("cust-a"), "In progress", at("2026-03-20T15:00:00Z")),
                new ComplaintResolved(id("C3"), customer("cust-a"), ComplaintOutcome.PARTIALLY_UPHELD,
                        new Redress(new Money(new BigDecimal("120.50"), "USD"), "Escrow corrected"), "Partly right",
                        false, at("2026-04-01T15:00:00Z")));

        complaint(ledger, "C4", "cust-b", Jurisdiction.CN_NFRA, "debit_card", "blocked_transfer", Channel.SOCIAL,
                "2026-03-20T02:00:00Z", List.of(clock(ClockType.NFRA_DECISION, "2026-04-07", "2026-04-07T16:00:00Z", true)));
        complaint(ledger, "C5", "cust-a", Jurisdiction.UK_FCA, "credit_card", "interest", Channel.WEB_CHAT,
                "2026-04-01T09:00:00Z", fca("2026-04-07", "2026-04-07T23:00:00Z", "2026-05-27", "2026-05-27T23:00:00Z"));

        awaitVersions(Map.of("C1", 3L, "C2", 4L, "C3", 4L, "C4", 2L, "C5", 2L));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT COUNT(*) FROM complaint_session_index", Long.class) == 8);
    }

    @Test
    void aComplaintWithItsClocksAndTheirStatus() {
        JsonNode c3 = api().get("/complaints/C3?at=" + AT);
        assertThat(c3.path("state").asText()).isEqualTo("RESOLVED");
        assertThat(c3.path("outcome").asText()).isEqualTo("PARTIALLY_UPHELD");
        assertThat(c3.path("redress").path("monetary").path("amount").asText()).isEqualTo("120.50");
        assertThat(c3.path("acknowledgedAt").asText()).isEqualTo("2026-03-10T15:00:01Z");
        assertThat(statuses(c3)).containsExactly("CFPB_RESPONSE=MET", "CFPB_FINAL_RESPONSE=MET");

        assertThat(statuses(api().get("/complaints/C1?at=" + AT))).containsExactly("FCA_SUMMARY_RESOLUTION=WINDOW",
                "FCA_FINAL_RESPONSE=MET");
        JsonNode c2 = api().get("/complaints/C2?at=" + AT);
        assertThat(statuses(c2)).containsExactly("FCA_SUMMARY_RESOLUTION=WINDOW", "FCA_FINAL_RESPONSE=BREACHED");
        assertThat(c2.path("clocks").get(1).path("breachedAt").asText()).isEqualTo("2026-04-29T00:00:00Z");
        assertThat(statuses(api().get("/complaints/C4?at=" + AT))).containsExactly("NFRA_DECISION=OVERDUE");
        assertThat(statuses(api().get("/complaints/C5?at=" + AT))).containsExactly("FCA_SUMMARY_RESOLUTION=WINDOW",
                "FCA_FINAL_RESPONSE=PENDING");
        // Before its due date, C4's clock was simply running.
        assertThat(statuses(api().get("/complaints/C4?at=2026-04-07T15:59:59Z"))).containsExactly("NFRA_DECISION=PENDING");
    }

    @Test
    void listsFilterPageAndShowOverdueAndDueSoonComplaints() {
        assertThat(ids(api().get("/complaints?customerId=cust-a&at=" + AT))).containsExactly("C5", "C3", "C1");
        assertThat(ids(api().get("/complaints?open=true&at=" + AT))).containsExactly("C5", "C4");
        assertThat(ids(api().get("/complaints?situation=overdue&at=" + AT))).containsExactly("C4");
        assertThat(ids(api().get("/complaints?situation=due-soon&within=P2D&at=" + AT))).containsExactly("C5");
        assertThat(ids(api().get("/complaints?situation=due-soon&within=PT1H&at=" + AT))).isEmpty();
        assertThat(ids(api().get("/complaints?channel=PHONE&at=" + AT))).containsExactly("C3", "C2");
        assertThat(ids(api().get("/complaints?from=2026-03-05T00:00:00Z&to=2026-04-01T00:00:00Z&at=" + AT)))
                .containsExactly("C4", "C3");

        JsonNode first = api().get("/complaints?jurisdiction=UK_FCA&limit=2&at=" + AT);
        assertThat(ids(first)).containsExactly("C5", "C2");
        JsonNode second = api().get("/complaints?jurisdiction=UK_FCA&limit=2&at=" + AT + "&cursor=" + first.path("nextCursor").asText());
        assertThat(ids(second)).containsExactly("C1");
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void figuresOverallAndPerGroupAreTheHandWorkedOnes() {
        JsonNode statistics = api().get("/complaint-statistics?groupBy=jurisdiction");
        JsonNode all = statistics.path("overall");
        assertThat(all.path("lodged").asLong()).isEqualTo(5);
        assertThat(all.path("resolved").asLong()).isEqualTo(3);
        assertThat(all.path("timely").asLong()).isEqualTo(2);
        assertThat(all.path("timelinessRate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(all.path("breached").asLong()).isEqualTo(1);
        assertThat(all.path("upheldRate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(all.path("averageDaysToResolve").asDouble()).isEqualTo((10 + 22 + 61) / 3.0);
        assertThat(all.path("p90DaysToResolve").asDouble()).isEqualTo(61.0);
        assertThat(all.path("redressByCurrency").path("GBP").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(all.path("redressByCurrency").path("USD").decimalValue()).isEqualByComparingTo("120.50");

        JsonNode groups = statistics.path("groups");
        assertThat(groups).extracting(group -> group.path("group").asText()).containsExactly("CN_NFRA", "UK_FCA", "US_CFPB");
        JsonNode china = groups.get(0);
        assertThat(china.path("lodged").asLong()).isEqualTo(1);
        assertThat(china.path("timelinessRate").isNull()).as("nothing resolved, nothing to divide by").isTrue();
        JsonNode uk = groups.get(1);
        assertThat(uk.path("lodged").asLong()).isEqualTo(3);
        assertThat(uk.path("timelinessRate").asDouble()).isEqualTo(0.5);
        assertThat(uk.path("averageDaysToResolve").asDouble()).isEqualTo(35.5);
        assertThat(uk.path("p90DaysToResolve").asDouble()).isEqualTo(61.0);
        assertThat(groups.get(2).path("upheldRate").asDouble()).isEqualTo(1.0);

        assertThat(api().get("/complaint-statistics?groupBy=month").path("groups"))
                .extracting(group -> group.path("group").asText() + "=" + group.path("lodged").asLong())
                .containsExactly("2026-03=4", "2026-04=1");
        assertThat(api().get("/complaint-statistics?product=credit_card").path("overall").path("lodged").asLong()).isEqualTo(3);
    }

    @Test
    void repeatComplainantsAndComplaintsPerThousandSessions() {
        JsonNode three = api().get("/complaint-statistics/repeat-complainants?minimum=3&days=60&at=2026-04-08T00:00:00Z")
                .path("complainants");
        assertThat(three).hasSize(1);
        // Analysts see a pseudonymous key: stable, and not the customer's id.
        String custA = pseudonyms.keyOf(new CustomerId("cust-a"));
        assertThat(custA).startsWith("ck-").doesNotContain("cust-a");
        assertThat(three.get(0).path("customerKey").asText()).isEqualTo(custA);
        assertThat(three.get(0).has("customerId")).isFalse();
        assertThat(three.get(0).path("complaints").asInt()).isEqualTo(3);
        assertThat(three.get(0).path("complaintKeys")).extracting(JsonNode::asText)
                .containsExactly(complaintKeys("C1", "C3", "C5")).noneMatch(key -> key.contains("C1"));
        assertThat(three.get(0).has("complaintIds")).as("complaint ids lead back to the customer").isFalse();
        assertThat(api().get("/complaint-statistics/repeat-complainants?minimum=2&days=60&at=2026-04-08T00:00:00Z")
                .path("complainants"))
                .extracting(node -> node.path("customerKey").asText())
                .containsExactly(custA, pseudonyms.keyOf(new CustomerId("cust-b")));

        JsonNode rates = api().get("/complaint-statistics/per-thousand-sessions?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z");
        assertThat(rates).extracting(rate -> rate.path("channel").asText() + ":" + rate.path("sessions").asLong() + "/"
                        + rate.path("complaints").asLong() + "=" + rate.path("perThousandSessions").asDouble())
                .containsExactly("PHONE:2/2=1000.0", "WEB_CHAT:4/1=250.0", "SOCIAL:1/1=1000.0");
    }

    /**
     * The answer pages like a list: at most {@code limit} customers, ordered by their first complaint in the window
     * (cust-a's C1 on 2 March before cust-b's C2 on 3 March), the cursor leading to the rest and nowhere after it.
     */
    @Test
    void repeatComplainantsComeInPagesOfAtMostTheLimitOrderedByTheirFirstComplaint() {
        String question = "/complaint-statistics/repeat-complainants?minimum=2&days=60&at=2026-04-08T00:00:00Z";
        JsonNode first = api().get(question + "&limit=1");
        assertThat(first.path("at").asText()).isEqualTo("2026-04-08T00:00:00Z");
        assertThat(first.path("complainants")).hasSize(1);
        assertThat(first.path("complainants").get(0).path("complaintKeys")).extracting(JsonNode::asText)
                .containsExactly(complaintKeys("C1", "C3", "C5"));
        assertThat(first.path("nextCursor").isTextual()).as("another page follows").isTrue();

        JsonNode second = api().get(question + "&limit=1&cursor=" + first.path("nextCursor").asText());
        assertThat(second.path("complainants")).hasSize(1);
        assertThat(second.path("complainants").get(0).path("customerKey").asText())
                .isEqualTo(pseudonyms.keyOf(new CustomerId("cust-b")));
        assertThat(second.path("complainants").get(0).path("complaintKeys")).extracting(JsonNode::asText)
                .containsExactly(complaintKeys("C2", "C4"));
        assertThat(second.path("nextCursor").isNull()).as("the last page").isTrue();

        api().assertInvalidParameters(question + "&limit=0", question + "&limit=1001",
                question + "&cursor=bm90IGEgY3Vyc29y");
    }

    private String[] complaintKeys(String... complaints) {
        return java.util.Arrays.stream(complaints).map(id -> pseudonyms.keyOf(new ComplaintId(id)))
                .toArray(String[]::new);
    }

    @Test
    void refusesBadQuestionsWithCodes() {
        api().assertProblem("/complaints/nobody", 404, "COMPLAINT_NOT_FOUND");
        api().assertInvalidParameters("/complaints?situation=late", "/complaints?within=two-days",
                "/complaints?open=maybe", "/complaint-statistics?groupBy=colour",
                "/complaint-statistics/per-thousand-sessions?from=2026-03-01T00:00:00Z",
                "/complaint-statistics/repeat-complainants?minimum=1");
    }

    @Test
    void aRebuildFromScratchGivesIdenticalRowsAndFigures() {
        List<Map<String, Object>> before = rows();
        JsonNode figuresBefore = api().get("/complaint-statistics?groupBy=category");
        StreamingEventProcessor processor = stopAndReset(ComplaintsProjection.PROCESSING_GROUP);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint_summary", Long.class)).isZero();
        processor.start();
        awaitVersions(Map.of("C1", 3L, "C2", 4L, "C3", 4L, "C4", 2L, "C5", 2L));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows().equals(before));
        assertThat(api().get("/complaint-statistics?groupBy=category")).isEqualTo(figuresBefore);
    }

    private List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("SELECT * FROM complaint_summary ORDER BY complaint_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM complaint_clock ORDER BY complaint_id, clock_type"));
        rows.addAll(jdbc.queryForList("SELECT * FROM complaint_session_index ORDER BY session_id"));
        return rows;
    }

    private static void complaint(LedgerEvents ledger, String id, String customer, Jurisdiction jurisdiction,
                                  String product, String category, Channel channel, String received,
                                  List<RegulatoryClock> clocks) {
        ledger.append("AGENT", "handler-0",
                new ComplaintLodged(id(id), customer(customer), List.of(), channel, product, null, category, null,
                        "Complaint " + id, null, jurisdiction, ServiceRegime.GENERAL, at(received)),
                new ComplaintClocksSet(id(id), customer(customer), clocks, null, "received", at(received)),
                new ComplaintAcknowledged(id(id), customer(customer), at(received).plusSeconds(1)));
    }

    private static List<RegulatoryClock> fca(String summaryDate, String summaryAt, String finalDate, String finalAt) {
        return List.of(clock(ClockType.FCA_SUMMARY_RESOLUTION, summaryDate, summaryAt, false),
                clock(ClockType.FCA_FINAL_RESPONSE, finalDate, finalAt, true));
    }

    private static RegulatoryClock clock(ClockType type, String date, String dueAt, boolean breachable) {
        return new RegulatoryClock(type, LocalDate.parse(date), at(dueAt), false, breachable, "hand-written " + type);
    }

    private void awaitVersions(Map<String, Long> versions) {
        awaitVersions("complaint_summary", "complaint_id", versions);
    }

    private static List<String> ids(JsonNode page) {
        return texts(page.path("complaints"), "complaintId");
    }

    private static List<String> statuses(JsonNode complaint) {
        return each(complaint.path("clocks"), clock -> clock.path("type").asText() + "=" + clock.path("status").asText());
    }

    private static ComplaintId id(String value) {
        return new ComplaintId(value);
    }

    private static CustomerId customer(String value) {
        return new CustomerId(value);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
