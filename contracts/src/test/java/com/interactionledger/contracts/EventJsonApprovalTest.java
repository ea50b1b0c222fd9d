package com.interactionledger.contracts;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AbandonReason;
import com.interactionledger.contracts.dialogue.AgentAssigned;
import com.interactionledger.contracts.dialogue.AgentId;
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
import com.interactionledger.contracts.dialogue.SessionStarted;
import com.interactionledger.contracts.dialogue.SessionTransferred;
import com.interactionledger.contracts.dialogue.SocialNetwork;
import com.interactionledger.contracts.dialogue.SurveyResponseRecorded;
import com.interactionledger.contracts.dialogue.TransferMode;
import com.interactionledger.contracts.privacy.CustomerErased;
import com.interactionledger.contracts.privacy.CustomerRestricted;
import com.interactionledger.contracts.privacy.CustomerRestrictionLifted;
import com.interactionledger.contracts.privacy.LegalHoldPlaced;
import com.interactionledger.contracts.privacy.LegalHoldReleased;
import com.interactionledger.contracts.privacy.PrivacyEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

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
 */
class EventJsonApprovalTest {

    private static final JacksonSerializer SERIALIZER = LedgerSerialization.eventSerializer();
    private static final SessionId SESSION = new SessionId("ses-0001");
    private static final SessionId OTHER = new SessionId("ses-0002");
    private static final CustomerId CUSTOMER = new CustomerId("cust-0001");
    private static final AgentId AGENT = new AgentId("agent-07");
    private static final MessageId MESSAGE = new MessageId("msg-0001");
    private static final Instant AT = Instant.parse("2026-01-15T10:30:00.123456Z");

    static List<DialogueEvent> samples() {
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
                new SurveyResponseRecorded(SESSION, CUSTOMER, 4, 9, "Quick", AT));
    }

    /** Decisions about a customer's personal data; their legal basis is stored in clear, nothing is sealed. */
    static List<PrivacyEvent> privacySamples() {
        return List.of(
                new CustomerErased(CUSTOMER, "GDPR Art. 17(1)(a)", "admin-01", AT),
                new CustomerRestricted(CUSTOMER, "GDPR Art. 18(1)(d)", "admin-01", AT),
                new CustomerRestrictionLifted(CUSTOMER, "objection resolved", "admin-01", AT),
                new LegalHoldPlaced(CUSTOMER, "case-2026-17", "admin-01", AT),
                new LegalHoldReleased(CUSTOMER, "case-2026-17", "admin-01", AT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"samples", "privacySamples"})
    void storedFormMatchesTheApprovedSampleAndReadsBack(Object event) throws IOException {
        SerializedObject<String> stored = SERIALIZER.serialize(event, String.class);
        String revision = stored.getType().getRevision();
        assertThat(revision).as("@Revision of " + event.getClass().getSimpleName()).isNotBlank();
        String name = event.getClass().getSimpleName() + "-" + revision + ".json";

        Path approved = Path.of("src/test/resources/approved-events", name);
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
    void everyEventOfTheDialogueHasASample() throws URISyntaxException {
        File folder = new File(Objects.requireNonNull(
                DialogueEvent.class.getResource("/com/interactionledger/contracts/dialogue")).toURI());
        List<String> events = Arrays.stream(Objects.requireNonNull(folder.listFiles()))
                .map(file -> file.getName().replace(".class", ""))
                .filter(name -> !name.contains("$"))
                .filter(name -> {
                    try {
                        Class<?> type = Class.forName("com.interactionledger.contracts.dialogue." + name);
                        return DialogueEvent.class.isAssignableFrom(type) && !type.isInterface();
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .sorted()
                .toList();
        assertThat(samples().stream().map(event -> event.getClass().getSimpleName()).sorted()
                .collect(Collectors.toList())).containsExactlyElementsOf(events);
    }

    @Test
    void everyPrivacyEventHasASample() {
        assertThat(privacySamples().stream().map(event -> event.getClass().getSimpleName()).sorted().toList())
                .containsExactlyElementsOf(Arrays.stream(PrivacyEvent.class.getPermittedSubclasses())
                        .map(Class::getSimpleName).sorted().toList());
    }
}
