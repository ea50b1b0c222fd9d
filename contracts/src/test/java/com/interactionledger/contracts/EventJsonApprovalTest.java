package com.interactionledger.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.contracts.audit.CommandRefused;
import com.interactionledger.contracts.audit.PersonalDataRead;
import com.interactionledger.contracts.audit.RequestsRefused;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.CustomerScoped;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.common.LedgerUpcasters;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.complaint.CalendarVersion;
import com.interactionledger.contracts.complaint.ClockType;
import com.interactionledger.contracts.complaint.ComplaintAcknowledged;
import com.interactionledger.contracts.complaint.ComplaintAssigned;
import com.interactionledger.contracts.complaint.ComplaintClocksSet;
import com.interactionledger.contracts.complaint.ComplaintDeadlineApproaching;
import com.interactionledger.contracts.complaint.ComplaintDeadlineBreached;
import com.interactionledger.contracts.complaint.ComplaintDeadlineExtended;
import com.interactionledger.contracts.complaint.ComplaintDeadlineExtensionRequested;
import com.interactionledger.contracts.complaint.ComplaintEvent;
import com.interactionledger.contracts.complaint.ComplaintHoldingResponseSent;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintInformationReceived;
import com.interactionledger.contracts.complaint.ComplaintInformationRequested;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.complaint.ComplaintSourceRecorded;
import com.interactionledger.contracts.complaint.ComplaintOutcome;
import com.interactionledger.contracts.complaint.ComplaintReferred;
import com.interactionledger.contracts.complaint.ComplaintReopened;
import com.interactionledger.contracts.complaint.ComplaintResolutionAccepted;
import com.interactionledger.contracts.complaint.ComplaintResolutionDisputed;
import com.interactionledger.contracts.complaint.ComplaintResolutionProposed;
import com.interactionledger.contracts.complaint.ComplaintResolved;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.Money;
import com.interactionledger.contracts.complaint.Redress;
import com.interactionledger.contracts.complaint.ReferralBody;
import com.interactionledger.contracts.complaint.RegulatoryClock;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.AbandonReason;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.AnswerBasis;
import com.interactionledger.contracts.dialogue.AnswerBasisRecorded;
import com.interactionledger.contracts.dialogue.ArticleRef;
import com.interactionledger.contracts.dialogue.BotAnswerCorrected;
import com.interactionledger.contracts.dialogue.AttachmentRef;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.DialogueEvent;
import com.interactionledger.contracts.dialogue.HandoffRequested;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import com.interactionledger.contracts.dialogue.ModelRef;
import com.interactionledger.contracts.dialogue.SentimentRecorded;
import com.interactionledger.contracts.dialogue.SessionAbandoned;
import com.interactionledger.contracts.dialogue.SessionClosed;
import com.interactionledger.contracts.dialogue.SessionContinuedElsewhere;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.SessionPutOnHold;
import com.interactionledger.contracts.dialogue.SessionResolved;
import com.interactionledger.contracts.dialogue.SessionResumed;
import com.interactionledger.contracts.dialogue.ProductIdentified;
import com.interactionledger.contracts.dialogue.ProductSource;
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SessionTransferred;
import com.interactionledger.contracts.dialogue.SocialNetwork;
import com.interactionledger.contracts.dialogue.SurveyResponseRecorded;
import com.interactionledger.contracts.dialogue.TransferMode;
import com.interactionledger.contracts.knowledge.ArticleId;
import com.interactionledger.contracts.knowledge.ArticleVersion;
import com.interactionledger.contracts.knowledge.KnowledgeArticlePublished;
import com.interactionledger.contracts.knowledge.KnowledgeArticleRevised;
import com.interactionledger.contracts.knowledge.KnowledgeArticleWithdrawn;
import com.interactionledger.contracts.knowledge.KnowledgeEvent;
import com.interactionledger.contracts.privacy.CustomerErased;
import com.interactionledger.contracts.privacy.CustomerErasureRequested;
import com.interactionledger.contracts.privacy.CustomerRestricted;
import com.interactionledger.contracts.privacy.CustomerRestrictionLifted;
import com.interactionledger.contracts.privacy.LegalHoldPlaced;
import com.interactionledger.contracts.privacy.LegalHoldReleased;
import com.interactionledger.contracts.privacy.RetentionPeriodExpired;
import com.interactionledger.contracts.privacy.PrivacyEvent;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The stored JSON of every event is a public contract with regulators: this test pins it byte for byte, with fixed
 * ids and times, against approved samples in {@code src/test/resources/approved-events/<Event>-<revision>.json}.
 * An approved sample must also read back into an equal event, so old stored events stay readable.
 * <p>
 * A missing or different sample fails the test and leaves what was produced in
 * {@code target/received-events/}: review it, and only if the change is intended (a new event, or a new revision
 * with its upcaster) copy it next to the approved samples.
 * <p>
 * The events to pin are found on the compiled classes of this module, not listed by hand, so a new event without a
 * sample fails here. The JSON of every older revision the ledger may still hold is kept in
 * {@code src/test/resources/old-revisions/<Event>-<revision>.json} and must read as the current revision.
 */
class EventJsonApprovalTest {

    private static final JacksonSerializer SERIALIZER = LedgerSerialization.eventSerializer();
    private static final SessionId SESSION = new SessionId("ses-0001");
    private static final SessionId OTHER = new SessionId("ses-0002");
    private static final CustomerId CUSTOMER = new CustomerId("cust-0001");
    private static final AgentId AGENT = new AgentId("agent-07");
    private static final MessageId MESSAGE = new MessageId("msg-0001");
    private static final MessageId BOT_ANSWER = new MessageId("msg-0002");
    private static final ArticleId ARTICLE = new ArticleId("kb-transfers-017");
    private static final Instant AT = Instant.parse("2026-01-15T10:30:00.123456Z");
    /** A complaint under the CFPB, received at {@link #AT}: Thursday 2026-01-15, 05:30 in New York (EST). */
    private static final ComplaintId COMPLAINT = new ComplaintId("cmp-0001");
    /**
     * A complaint under the NFRA: the CFPB allows no extension of its deadlines, the NFRA allows two, the second
     * only with an approver, so that is where an extension's every field is filled.
     */
    private static final ComplaintId NFRA_COMPLAINT = new ComplaintId("cmp-0002");
    private static final Money LATE_FEE = new Money(new BigDecimal("35.00"), "USD");
    /* The CFPB's clocks of COMPLAINT, worked out by hand as DeadlinePolicy states them: 15 and 60 calendar days
     * from receipt on 2026-01-15 in New York, each ending at local midnight: 2026-01-30 (EST, 05:00Z the next day)
     * and 2026-03-16 (EDT from March 8, 04:00Z the next day). */
    private static final RegulatoryClock CFPB_RESPONSE = new RegulatoryClock(ClockType.CFPB_RESPONSE,
            LocalDate.parse("2026-01-30"), Instant.parse("2026-01-31T05:00:00Z"), false, true,
            "CFPB: a response (final, or in progress) within 15 calendar days of receipt on 2026-01-15");
    private static final RegulatoryClock CFPB_FINAL_RESPONSE = new RegulatoryClock(ClockType.CFPB_FINAL_RESPONSE,
            LocalDate.parse("2026-03-16"), Instant.parse("2026-03-17T04:00:00Z"), false, true,
            "CFPB: a final response within 60 calendar days of receipt on 2026-01-15");

    /* The shipped calendar of the CFPB's clocks (calendar days: only its time zone matters), as the command side
     * names it: its digest is the SHA-256 of "America/New_York\n2025-01-01\n2099-12-31\n[SATURDAY, SUNDAY]\n[]\n[]". */
    private static final CalendarVersion US_CALENDAR = new CalendarVersion("United States (CFPB)", "1",
            LocalDate.parse("2099-12-31"), "sha256:0e2f804233c41708");

    private static final Path APPROVED = Path.of("src/test/resources/approved-events");
    private static final Path OLD_REVISIONS = Path.of("src/test/resources/old-revisions");

    private static List<Class<?>> ledgerEvents;

    /**
     * Every event class the ledger stores, found on this module's compiled classes: a concrete class with either
     * mark of an event, {@link CustomerScoped} (what the append path accepts) or {@link Revision} (what the
     * serializer versions). deploy's ArchitectureTest checks that each one carries both.
     */
    @BeforeAll
    static void findTheLedgerEvents() {
        ledgerEvents = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.interactionledger.contracts").stream()
                .filter(type -> !type.isInterface())
                .filter(type -> type.isAnnotatedWith(Revision.class) || type.isAssignableTo(CustomerScoped.class))
                .<Class<?>>map(JavaClass::reflect)
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    static List<DialogueEvent> dialogueSamples() {
        return List.of(
                new SessionStarted(SESSION, CUSTOMER, Channel.SOCIAL, SocialNetwork.WECHAT, "official-account", "zh-CN",
                        "cards", OTHER, Channel.WEB_CHAT, "Asked about a blocked transfer", AT),
                new SessionContinuedElsewhere(OTHER, CUSTOMER, SESSION, Channel.SOCIAL, "Asked about a blocked transfer", AT),
                new MessageRecorded(SESSION, CUSTOMER, MESSAGE, ParticipantRole.CUSTOMER, "cust-0001",
                        "My transfer was blocked", "en", "GB",
                        List.of(new AttachmentRef("docstore://2026/01/receipt-77", "image/png", "receipt.png")), AT),
                new IntentRecorded(SESSION, CUSTOMER, MESSAGE, "blocked_transfer", 0.87,
                        new ModelRef("intent-bert", "3.2.1"), AT),
                new SentimentRecorded(SESSION, CUSTOMER, null, -0.25, new ModelRef("sentiment-xlm", "1.0"), AT),
                new HandoffRequested(SESSION, CUSTOMER, "payments", "needs account access",
                        "Transfer of 500 EUR blocked; identity verified", "blocked_transfer", -0.25, 3, AT),
                new AgentAssigned(SESSION, CUSTOMER, AGENT, "payments", AT),
                new SessionTransferred(SESSION, CUSTOMER, AGENT, null, "fraud", TransferMode.COLD, "suspected fraud",
                        null, AT),
                new SessionPutOnHold(SESSION, CUSTOMER, AGENT, "checking", AT),
                new SessionResumed(SESSION, CUSTOMER, AGENT, AT),
                new SessionResolved(SESSION, CUSTOMER, "TRANSFER_RELEASED", true, ParticipantRole.AGENT, AGENT, AT),
                new SessionAbandoned(SESSION, CUSTOMER, AbandonReason.BY_TIMEOUT, AT),
                new SessionClosed(SESSION, CUSTOMER, AT),
                new SurveyResponseRecorded(SESSION, CUSTOMER, 4, 9, "Quick", AT),
                // A bot's answer and what it relied on; the customer's words it quotes are personal data.
                new AnswerBasisRecorded(SESSION, CUSTOMER, BOT_ANSWER, Channel.WEB_CHAT, new AnswerBasis(
                        new ModelRef("eva-llm", "2026.01"), "card-disputes-prompt-7",
                        List.of(new ArticleRef(ARTICLE, 3, "Why a transfer is held", 0.82),
                                new ArticleRef(new ArticleId("kb-limits-004"), 1, "Daily transfer limits", null)),
                        0.74, false, "why is my transfer blocked"), AT),
                new BotAnswerCorrected(SESSION, CUSTOMER, BOT_ANSWER, "agent-07", OTHER, MESSAGE, "outdated", AT),
                new ProductIdentified(SESSION, CUSTOMER, "checking_account", "overdraft", ProductSource.CLASSIFIER,
                        "product-classifier", 0.87, AT));
    }

    /** An article's versions as the knowledge-base system tells them: about a product, of no customer. */
    static List<KnowledgeEvent> knowledgeSamples() {
        return List.of(
                new KnowledgeArticlePublished(ARTICLE, new ArticleVersion(1, "Why a transfer is held", "payments",
                        "en-GB", Instant.parse("2026-01-01T00:00:00Z")), AT),
                new KnowledgeArticleRevised(ARTICLE, new ArticleVersion(2, "Why a transfer is held, and for how long",
                        "payments", "en-GB", Instant.parse("2026-02-01T00:00:00Z")), AT),
                new KnowledgeArticleWithdrawn(ARTICLE, 2, "merged into kb-transfers-001", AT, AT));
    }

    /** Decisions about a customer's personal data; their legal basis is stored in clear, nothing is sealed. */
    static List<PrivacyEvent> privacySamples() {
        return List.of(
                new CustomerErasureRequested(CUSTOMER, "GDPR Art. 17(1)(a)", "admin-02", AT),
                new CustomerErased(CUSTOMER, "GDPR Art. 17(1)(a)", "admin-01", AT),
                new CustomerRestricted(CUSTOMER, "GDPR Art. 18(1)(d)", "admin-01", AT),
                new CustomerRestrictionLifted(CUSTOMER, "objection resolved", "admin-01", AT),
                new LegalHoldPlaced(CUSTOMER, "case-2026-17", "admin-01", AT),
                new LegalHoldReleased(CUSTOMER, "case-2026-17", "admin-01", AT),
                new RetentionPeriodExpired(CUSTOMER, "sessions P5Y after 2019-03-04T10:00:00Z; complaints under UK_FCA"
                        + " P6Y after 2019-05-06T09:30:00Z", Instant.parse("2025-05-06T09:30:00Z"), "retention-job", AT));
    }

    /**
     * One complaint's life under the CFPB (a late fee charged because a transfer was held, filed with the CFPB's
     * product and issue taxonomy), and the extension of another under the NFRA. Free text by or about the
     * customer is personal data; here it is in clear, as this serializer writes it before any sealing.
     */
    static List<ComplaintEvent> complaintSamples() {
        return List.of(
                new ComplaintLodged(COMPLAINT, CUSTOMER, List.of(SESSION, OTHER), Channel.WEB_CHAT,
                        "checking_or_savings_account", "checking_account", "managing_an_account",
                        "deposits_and_withdrawals",
                        "My 500.00 USD rent transfer was held for three days and my landlord charged me a 35.00 USD"
                                + " late fee", LATE_FEE, Jurisdiction.US_CFPB, ServiceRegime.GENERAL, AT),
                new ComplaintClocksSet(COMPLAINT, CUSTOMER, List.of(CFPB_RESPONSE, CFPB_FINAL_RESPONSE),
                        US_CALENDAR, "received", AT),
                // Brought from the CFPB's public register: what it says, word for word, beside the ledger's own.
                new ComplaintSourceRecorded(COMPLAINT, CUSTOMER, "CFPB", "3571115",
                        "TRANSUNION INTERMEDIATE HOLDINGS, INC.", "Web",
                        java.time.LocalDate.parse("2026-01-15"), "Closed with monetary relief",
                        "Company has responded to the consumer and the CFPB and chooses not to provide a public"
                                + " response", true, false, "Older American", "Consent provided", "FL", "330XX", AT),
                new ComplaintAcknowledged(COMPLAINT, CUSTOMER, AT),
                new ComplaintAssigned(COMPLAINT, CUSTOMER, "handler-12", "payments-complaints", AT),
                // The CFPB's clocks never stop while the bank waits for the customer.
                new ComplaintInformationRequested(COMPLAINT, CUSTOMER,
                        "A copy of the landlord's late-fee notice", false, AT),
                new ComplaintInformationReceived(COMPLAINT, CUSTOMER,
                        "Landlord's notice of 2026-01-12: late fee of 35.00 USD", AT),
                new ComplaintHoldingResponseSent(COMPLAINT, CUSTOMER,
                        "In progress: the fraud team is reviewing why the transfer was held", AT),
                new ComplaintDeadlineApproaching(COMPLAINT, CUSTOMER, ClockType.CFPB_RESPONSE,
                        CFPB_RESPONSE.dueAt(), Instant.parse("2026-01-29T05:00:00Z")),
                new ComplaintDeadlineBreached(COMPLAINT, CUSTOMER, ClockType.CFPB_FINAL_RESPONSE,
                        CFPB_FINAL_RESPONSE.dueAt(), Instant.parse("2026-03-17T04:05:00Z")),
                new ComplaintDeadlineExtensionRequested(NFRA_COMPLAINT, CUSTOMER, 2,
                        "Especially complex: the beneficiary bank abroad has not answered the recall request",
                        "handler-12", AT),
                new ComplaintDeadlineExtended(NFRA_COMPLAINT, CUSTOMER, 2,
                        "Especially complex: the beneficiary bank abroad has not answered the recall request",
                        "head-of-complaints", AT),
                new ComplaintResolutionProposed(COMPLAINT, CUSTOMER, ComplaintOutcome.UPHELD,
                        new Redress(LATE_FEE, "Written apology; the payee removed from fraud screening"),
                        "Refund the late fee the hold caused", AT),
                new ComplaintResolved(COMPLAINT, CUSTOMER, ComplaintOutcome.PARTIALLY_UPHELD,
                        new Redress(LATE_FEE, "Written apology"),
                        "Late fee refunded; the hold itself followed our fraud controls", false, AT),
                new ComplaintResolutionDisputed(COMPLAINT, CUSTOMER,
                        "The hold was unjustified: I have paid this landlord every month for two years", AT),
                new ComplaintResolutionAccepted(COMPLAINT, CUSTOMER, AT),
                new ComplaintReferred(COMPLAINT, CUSTOMER, ReferralBody.REGULATOR,
                        "Consumer Financial Protection Bureau", "260120-4817365", AT),
                new ComplaintReopened(COMPLAINT, CUSTOMER, "The CFPB forwarded new evidence from the customer", AT));
    }

    /** The ledger's own records of refused commands and of reads of personal data. */
    static List<CustomerScoped> auditSamples() {
        return List.of(
                new CommandRefused(CUSTOMER, "0b9f3c52-6a1e-4f7d-9c2b-8e4a7d1f5c36", "LodgeComplaint",
                        COMPLAINT.value(), ErrorCode.COMPLAINT_ALREADY_EXISTS,
                        ErrorCode.COMPLAINT_ALREADY_EXISTS.title(), AT),
                new PersonalDataRead(CUSTOMER, "GET /complaints/{complaintId}", "COMPLAINT", COMPLAINT.value(), AT),
                new RequestsRefused("analyst-7", null, "GET /sessions/{sessionId}", ErrorCode.FORBIDDEN,
                        "This needs one of the roles [AGENT, SUPERVISOR, REGULATOR]",
                        Instant.parse("2026-11-23T10:15:00Z"), 3, Instant.parse("2026-11-23T10:15:04.125Z"),
                        Instant.parse("2026-11-23T10:15:41.5Z"), Instant.parse("2026-11-23T10:16:10Z")));
    }

    static Stream<Object> allSamples() {
        return Stream.of(dialogueSamples(), knowledgeSamples(), privacySamples(), complaintSamples(), auditSamples())
                .flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSamples")
    void storedFormMatchesTheApprovedSampleAndReadsBack(Object event) throws IOException {
        SerializedObject<String> stored = SERIALIZER.serialize(event, String.class);
        String revision = stored.getType().getRevision();
        assertThat(revision).as("@Revision of " + event.getClass().getSimpleName()).isNotBlank();
        String name = event.getClass().getSimpleName() + "-" + revision + ".json";

        Path approved = APPROVED.resolve(name);
        if (!Files.exists(approved) || !Files.readString(approved, StandardCharsets.UTF_8).equals(stored.getData())) {
            Path received = Path.of("target/received-events", name);
            Files.createDirectories(received.getParent());
            Files.writeString(received, stored.getData(), StandardCharsets.UTF_8);
            fail("stored form of " + event.getClass().getSimpleName() + " differs from " + approved
                    + " (or it is missing); see " + received);
        }

        Object read = SERIALIZER.deserialize(new SimpleSerializedObject<>(Files.readString(approved), String.class,
                new SimpleSerializedType(event.getClass().getName(), revision)));
        assertThat(read).isEqualTo(event);
    }

    @Test
    void everyEventStoredInTheLedgerHasExactlyOneSample() {
        assertThat(allSamples().<Class<?>>map(Object::getClass).sorted(Comparator.comparing(Class::getName)).toList())
                .containsExactlyElementsOf(ledgerEvents);
    }

    /** A sample left over from a renamed event or a former revision would pin nothing; it belongs elsewhere. */
    @Test
    void theApprovedSamplesAreTheCurrentRevisionOfEveryEventAndNothingElse() throws IOException {
        assertThat(fileNames(APPROVED)).containsExactlyInAnyOrderElementsOf(ledgerEvents.stream()
                .map(event -> sampleName(event, revisionOf(event))).toList());
    }

    /**
     * Stored events are never rewritten, so the ledger may hold every revision an event ever had: revisions count
     * 1, 2, 3..., and for each one before the current the JSON as it was stored is kept, and must come out of the
     * ledger's upcaster chain as the current revision, with the current sample's fields (a field left out would
     * silently read as null).
     */
    @Test
    void everyOlderRevisionHasASampleThatReadsAsTheCurrentRevision() throws IOException {
        List<String> expected = new ArrayList<>();
        for (Class<?> event : ledgerEvents) {
            for (int older = 1; older < Integer.parseInt(revisionOf(event)); older++) {
                expected.add(sampleName(event, String.valueOf(older)));
            }
        }
        assertThat(fileNames(OLD_REVISIONS)).containsExactlyInAnyOrderElementsOf(expected);

        ObjectMapper json = LedgerSerialization.objectMapper();
        for (Class<?> event : ledgerEvents) {
            String current = revisionOf(event);
            for (int older = 1; older < Integer.parseInt(current); older++) {
                String name = sampleName(event, String.valueOf(older));
                IntermediateEventRepresentation read = upcast(event, String.valueOf(older),
                        Files.readString(OLD_REVISIONS.resolve(name), StandardCharsets.UTF_8));

                assertThat(read.getType().getRevision()).as(name + " upcast").isEqualTo(current);
                byte[] upcast = read.getData(byte[].class).getData();
                assertThat(fieldNames(json.readTree(upcast))).as(name + " upcast").containsExactlyInAnyOrderElementsOf(
                        fieldNames(json.readTree(APPROVED.resolve(sampleName(event, current)).toFile())));
                Object deserialized = SERIALIZER.deserialize(
                        new SimpleSerializedObject<>(upcast, byte[].class, read.getType()));
                assertThat(deserialized).as(name + " upcast").isInstanceOf(event);
            }
        }
    }

    private static IntermediateEventRepresentation upcast(Class<?> event, String revision, String stored) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Sample", "sample-1", 0, "event-1",
                AT.toString(), event.getName(), revision, stored.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> read = LedgerUpcasters.chain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
        assertThat(read).as(event.getSimpleName() + "-" + revision + " upcast").hasSize(1);
        return read.get(0);
    }

    private static String revisionOf(Class<?> event) {
        Revision revision = event.getAnnotation(Revision.class);
        assertThat(revision).as("@Revision of " + event.getName()).isNotNull();
        return revision.value();
    }

    private static String sampleName(Class<?> event, String revision) {
        return event.getSimpleName() + "-" + revision + ".json";
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
