package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint lifecycle over HTTP on PostgreSQL: lodged from a dialogue, its regulatory clocks recorded with
 * it, handled to a final response with redress and accepted; the rules' refusals come back with their codes and
 * write nothing. (The clock arithmetic itself is pinned by DeadlinePolicyTest; here the wiring is checked.)
 */
class ComplaintApiTest extends PostgresLedgerTest {

    private LedgerHttp handler() {
        return http.as("AGENT", "complaints-handler-1");
    }

    @Test
    void ukComplaintFromLodgingToAcceptedFinalResponse() throws Exception {
        assertThat(http.post("/sessions", json("sessionId", "cmp-api-chat", "customerId", "cmp-api-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")).status()).isEqualTo(201);
        LedgerHttp.Response lodged = handler().post("/complaints", json("complaintId", "cmp-api-uk",
                "customerId", "cmp-api-customer", "sessions", new String[]{"cmp-api-chat"}, "channel", "WEB_CHAT",
                "product", "credit_card", "category", "fees", "subCategory", "late_payment_fee",
                "description", "Charged a late fee although I paid on time",
                "amountInDispute", Map.of("amount", "12.00", "currency", "GBP"), "jurisdiction", "UK_FCA"));
        assertThat(lodged.status()).as(lodged.toString()).isEqualTo(201);
        assertThat(lodged.header("Location")).isEqualTo("/complaints/cmp-api-uk");
        assertThat(lodged.json().path("events")).extracting(event -> event.path("type").asText())
                .containsExactly("ComplaintLodged", "ComplaintClocksSet");

        JsonNode clocks = payload("cmp-api-uk", "ComplaintClocksSet").path("clocks");
        Instant received = Instant.parse(payload("cmp-api-uk", "ComplaintLodged").path("occurredAt").asText());
        LocalDate receiptInLondon = received.atZone(ZoneId.of("Europe/London")).toLocalDate();
        assertThat(clocks).extracting(clock -> clock.path("type").asText())
                .containsExactly("FCA_SUMMARY_RESOLUTION", "FCA_FINAL_RESPONSE");
        assertThat(clocks.get(1).path("dueDate").asText()).isEqualTo(receiptInLondon.plusWeeks(8).toString());
        assertThat(clocks.get(1).path("basis").asText()).contains("DISP 1.6.2R");
        assertThat(payload("cmp-api-uk", "ComplaintLodged").path("amountInDispute").path("amount").asText())
                .as("money is stored as a decimal string").isEqualTo("12.00");

        ok(handler().post("/complaints/cmp-api-uk/acknowledgement", null));
        ok(handler().post("/complaints/cmp-api-uk/assignment", json("handlerId", "handler-9", "team", "cards")));
        ok(handler().post("/complaints/cmp-api-uk/holding-responses", json("summary", "Looking into the fee")));
        ok(handler().post("/complaints/cmp-api-uk/resolution-proposals", json("outcome", "UPHELD",
                "redress", Map.of("monetary", Map.of("amount", "12.00", "currency", "GBP")), "summary", "Refund the fee")));
        LedgerHttp.Response resolved = handler().post("/complaints/cmp-api-uk/resolution", json("outcome", "UPHELD",
                "redress", Map.of("monetary", Map.of("amount", "12.00", "currency", "GBP"),
                        "nonMonetary", "Fee removed from the credit file"),
                "summary", "Fee refunded and removed"));
        ok(resolved);
        ok(http.as("SYSTEM", "mobile-app").post("/complaints/cmp-api-uk/acceptance", null));

        assertThat(eventTypesOf("cmp-api-uk")).containsExactly("ComplaintLodged", "ComplaintClocksSet",
                "ComplaintAcknowledged", "ComplaintAssigned", "ComplaintHoldingResponseSent",
                "ComplaintResolutionProposed", "ComplaintResolved", "ComplaintResolutionAccepted");
        JsonNode resolution = payload("cmp-api-uk", "ComplaintResolved");
        assertThat(resolution.path("outcome").asText()).isEqualTo("UPHELD");
        assertThat(resolution.path("redress").path("monetary").path("currency").asText()).isEqualTo("GBP");
        assertThat(resolution.path("summaryResolution").asBoolean()).isFalse();
    }

    @Test
    void chinaComplaintClocksStopWhileWaitingForTheCustomerAndExtendTwiceAtMost() throws Exception {
        ok201(handler().post("/complaints", json("complaintId", "cmp-api-cn", "customerId", "cmp-api-customer-cn",
                "channel", "SOCIAL", "product", "debit_card", "category", "blocked_transfer",
                "description", "转账被拦截", "jurisdiction", "CN_NFRA")));
        ok(handler().post("/complaints/cmp-api-cn/acknowledgement", null));
        ok(handler().post("/complaints/cmp-api-cn/information-requests", json("request", "请提供转账凭证")));
        JsonNode stopped = lastPayload("cmp-api-cn", "ComplaintClocksSet").path("clocks").get(0);
        assertThat(stopped.path("paused").asBoolean()).isTrue();
        assertThat(stopped.path("dueDate").isNull()).isTrue();

        ok(handler().post("/complaints/cmp-api-cn/information", json("summary", "凭证已收到")));
        JsonNode running = lastPayload("cmp-api-cn", "ComplaintClocksSet").path("clocks").get(0);
        assertThat(running.path("paused").asBoolean()).isFalse();
        assertThat(running.path("dueDate").asText()).isNotBlank();

        ok(handler().post("/complaints/cmp-api-cn/extensions", json("reason", "complex case")));
        // The second extension is asked for by the handler; an approver named in the body counts for nothing.
        long before = eventsOf("cmp-api-cn");
        LedgerHttp.Response namedApprover = handler().post("/complaints/cmp-api-cn/extensions",
                json("reason", "especially complex", "approvedBy", "head-of-complaints"));
        assertThat(namedApprover.status()).as(namedApprover.toString()).isEqualTo(400);
        assertThat(eventsOf("cmp-api-cn")).isEqualTo(before);
        ok(handler().post("/complaints/cmp-api-cn/extensions", json("reason", "especially complex")));
        assertThat(lastPayload("cmp-api-cn", "ComplaintDeadlineExtensionRequested").path("requestedBy").asText())
                .isEqualTo("complaints-handler-1");
        assertThat(lastPayload("cmp-api-cn", "ComplaintClocksSet").path("clocks").get(0).path("basis").asText())
                .as("the deadline stays until the extension is approved").contains("30 days");

        // Approval is a supervisor's own command: not an agent's, not the requester's, then another supervisor's.
        assertThat(handler().post("/complaints/cmp-api-cn/extensions/approval", null).status()).isEqualTo(403);
        LedgerHttp.Response ownRequest = http.as("AGENT,SUPERVISOR", "complaints-handler-1")
                .post("/complaints/cmp-api-cn/extensions/approval", null);
        assertThat(ownRequest.status()).isEqualTo(409);
        assertThat(ownRequest.code()).isEqualTo("EXTENSION_NOT_ALLOWED");
        ok(http.as("SUPERVISOR", "head-of-complaints").post("/complaints/cmp-api-cn/extensions/approval", null));
        assertThat(lastPayload("cmp-api-cn", "ComplaintDeadlineExtended").path("approvedBy").asText())
                .isEqualTo("head-of-complaints");
        assertThat(lastPayload("cmp-api-cn", "ComplaintClocksSet").path("clocks").get(0).path("basis").asText())
                .contains("60 days");

        LedgerHttp.Response third = handler().post("/complaints/cmp-api-cn/extensions", json("reason", "again"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("EXTENSION_NOT_ALLOWED");
    }

    @Test
    void refusalsCarryTheirCodesAndWriteNothing() throws Exception {
        ok201(handler().post("/complaints", json("complaintId", "cmp-api-us", "customerId", "cmp-api-customer-us",
                "channel", "PHONE", "product", "mortgage", "category", "escrow", "description", "Escrow error",
                "jurisdiction", "US_CFPB")));
        ok(handler().post("/complaints/cmp-api-us/acknowledgement", null));
        long before = businessEvents();

        assertThat(handler().post("/complaints/cmp-api-us/extensions", json("reason", "busy")).code())
                .isEqualTo("EXTENSION_NOT_ALLOWED");
        assertThat(handler().post("/complaints/cmp-api-us/resolution", json("outcome", "REJECTED",
                "summary", "No error found", "summaryResolution", true)).code())
                .isEqualTo("SUMMARY_RESOLUTION_NOT_ALLOWED");
        assertThat(handler().post("/complaints/cmp-api-us/acceptance", null).code()).isEqualTo("ILLEGAL_TRANSITION");
        LedgerHttp.Response unknown = handler().post("/complaints/cmp-nobody/acknowledgement", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("COMPLAINT_NOT_FOUND");
        assertThat(handler().post("/complaints", json("complaintId", "cmp-api-us", "customerId", "x", "channel",
                "PHONE", "product", "p", "category", "c", "description", "d", "jurisdiction", "US_CFPB")).code())
                .isEqualTo("COMPLAINT_ALREADY_EXISTS");
        LedgerHttp.Response invalid = handler().post("/complaints", json("customerId", "x", "channel", "PHONE",
                "product", "p", "category", "c", "description", "d", "jurisdiction", "US_CFPB",
                "amountInDispute", Map.of("amount", "-5", "currency", "usd")));
        assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(invalid.json().path("errors")).extracting(error -> error.path("field").asText())
                .containsExactlyInAnyOrder("amountInDispute.amount", "amountInDispute.currency");
        assertThat(handler().post("/complaints", json("customerId", "x", "channel", "PHONE", "product", "p",
                "category", "c", "description", "d", "jurisdiction", "EU_EBA")).code()).isEqualTo("MALFORMED_REQUEST");

        assertThat(businessEvents()).isEqualTo(before);
    }

    @Test
    void complaintCommandsAreIdempotentToo() {
        LedgerHttp client = handler().with("Idempotency-Key", "cmp-lodge-1");
        String body = json("complaintId", "cmp-api-idem", "customerId", "cmp-api-customer", "channel", "EMAIL",
                "product", "savings", "category", "interest", "description", "Wrong interest", "jurisdiction", "UK_FCA",
                "regime", "PAYMENT_SERVICES");
        LedgerHttp.Response first = client.post("/complaints", body);
        LedgerHttp.Response retry = client.post("/complaints", body);
        assertThat(retry.raw().body()).isEqualTo(first.raw().body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsOf("cmp-api-idem")).isEqualTo(2);
    }

    private JsonNode payload(String complaint, String type) throws Exception {
        return LedgerHttp.JSON.readTree(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + " WHERE aggregateidentifier = ? AND payloadtype LIKE ? ORDER BY sequencenumber LIMIT 1",
                String.class, complaint, "%." + type));
    }

    private JsonNode lastPayload(String complaint, String type) throws Exception {
        return LedgerHttp.JSON.readTree(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + " WHERE aggregateidentifier = ? AND payloadtype LIKE ? ORDER BY sequencenumber DESC LIMIT 1",
                String.class, complaint, "%." + type));
    }

    private static void ok(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void ok201(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
