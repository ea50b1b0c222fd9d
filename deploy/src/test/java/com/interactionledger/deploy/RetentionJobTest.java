package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.command.privacy.RetentionJob;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintOutcome;
import com.interactionledger.contracts.complaint.ComplaintSourceRecorded;
import com.interactionledger.contracts.complaint.ImportComplaint;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.LodgeComplaint;
import com.interactionledger.contracts.complaint.Redress;
import com.interactionledger.contracts.complaint.ResolveComplaint;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.StartSession;
import com.interactionledger.contracts.privacy.PrivacyCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job, on a fixed clock: history imported with its original times (2015–2016) is past its periods in
 * 2021 — sessions 5 years, complaints 7 years, complaints under the US CFPB 3 years (this installation's rule) —
 * and is erased by crypto-shredding with the rule recorded, unless a legal hold stands; the dry run erases nothing.
 */
class RetentionJobTest extends PostgresLedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RUN_AT = Instant.parse("2021-06-01T02:00:00Z");
    private static final Instant SESSION_AT = Instant.parse("2015-03-02T09:00:00Z");
    private static final Instant LODGED_AT = Instant.parse("2016-01-04T10:00:00Z");
    private static final Instant RESOLVED_AT = Instant.parse("2016-01-20T16:00:00Z");

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    RetentionJob applicationsJob;

    @Test
    void customersPastEveryPeriodAreErasedWithTheRuleThatAppliedAndTheHeldAreKept() {
        session("retained-chat");
        session("retained-cfpb");
        complaint("retained-cfpb", Jurisdiction.US_CFPB);
        complaint("retained-fca", Jurisdiction.UK_FCA);
        session("retained-held");
        accepted(http.as("ADMIN", "privacy-admin").post("/privacy/customers/retained-held/legal-holds",
                json("reference", "case-2021-8")));

        RetentionJob.Run dryRun = applicationsJob.run(RUN_AT);
        assertThat(dryRun.mode()).as("the application's default").isEqualTo(RetentionJob.Mode.REPORT);
        assertThat(ours(dryRun.due())).containsExactly("retained-cfpb", "retained-chat");
        assertThat(ours(dryRun.held())).containsExactly("retained-held");
        assertThat(erasureEvents("retained-chat")).as("a dry run writes nothing").isEmpty();

        RetentionJob enforcing = new RetentionJob(queries, commands, Clock.fixed(RUN_AT, ZoneOffset.UTC),
                RetentionJob.Mode.ERASE, "retention-job");
        RetentionJob.Run run = enforcing.run(Clock.fixed(RUN_AT, ZoneOffset.UTC).instant());
        assertThat(ours(run.due())).containsExactly("retained-cfpb", "retained-chat");
        assertThat(ours(run.held())).containsExactly("retained-held");
        assertThat(run.refused()).isEmpty();

        assertThat(erasureEvents("retained-chat")).containsExactly(
                "RetentionPeriodExpired retention-job sessions P5Y after 2015-03-02T09:00:00Z",
                "CustomerErased retention-job retention period expired: sessions P5Y after 2015-03-02T09:00:00Z");
        assertThat(erasureEvents("retained-cfpb")).first().isEqualTo("RetentionPeriodExpired retention-job"
                + " sessions P5Y after 2015-03-02T09:00:00Z; complaints under US_CFPB P3Y after 2016-01-20T16:00:00Z");
        assertThat(erasureEvents("retained-fca")).as("a UK complaint is kept 7 years").isEmpty();
        assertThat(erasureEvents("retained-held")).as("under legal hold").isEmpty();
        assertThat(jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'actorId' FROM"
                + " domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%CustomerErased'", String.class,
                PrivacyCommand.recordIdOf(new CustomerId("retained-chat")))).isEqualTo("retention-job");

        RetentionJob.Run again = enforcing.run(RUN_AT);
        assertThat(ours(again.due())).as("the erased are never due again").isEmpty();
        assertThat(ours(again.held())).containsExactly("retained-held");
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> ours(List<String> customers) {
        return customers.stream().filter(customer -> customer.startsWith("retained-")).toList();
    }

    /** The customer's privacy record's events: type, who decided, and the rule or basis. */
    private List<String> erasureEvents(String customer) {
        return jdbc.query("SELECT payloadtype, convert_from(payload, 'UTF8')::jsonb AS body FROM domainevententry"
                        + " WHERE aggregateidentifier = ? AND (payloadtype LIKE '%RetentionPeriodExpired'"
                        + " OR payloadtype LIKE '%CustomerErased') ORDER BY sequencenumber",
                (rs, row) -> {
                    String type = rs.getString(1);
                    JsonNode body = readTree(rs.getString(2));
                    return type.substring(type.lastIndexOf('.') + 1) + " " + body.path("decidedBy").asText() + " "
                            + (body.has("rule") ? body.path("rule").asText() : body.path("legalBasis").asText());
                }, PrivacyCommand.recordIdOf(new CustomerId(customer)));
    }

    /** A session started in 2015, as an importer brings it: at its original time, by the importer's identity. */
    private void session(String customer) {
        send(new StartSession(new SessionId(customer + "-2015"), new CustomerId(customer), Channel.PHONE, null, "ivr",
                "en-GB", null, null, SESSION_AT));
    }

    /** A complaint received in January 2016 and resolved two weeks later, imported whole. */
    private void complaint(String customer, Jurisdiction jurisdiction) {
        ComplaintId id = new ComplaintId(customer + "-complaint");
        CustomerId customerId = new CustomerId(customer);
        send(new ImportComplaint(new LodgeComplaint(id, customerId, List.of(), Channel.EMAIL, "credit_card", null,
                "fees", null, "Charged a fee twice", null, jurisdiction, ServiceRegime.GENERAL, LODGED_AT),
                new ComplaintSourceRecorded(id, customerId, "legacy-register", customer, null, "Email", null, null,
                        null, null, null, null, null, null, null, LODGED_AT),
                List.of(new ResolveComplaint(id, null, ComplaintOutcome.REJECTED, Redress.NONE, "Fee was due", false,
                        RESOLVED_AT))));
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                LedgerMetadata.fromTheService("legacy-import", "retention-history")));
    }
}
