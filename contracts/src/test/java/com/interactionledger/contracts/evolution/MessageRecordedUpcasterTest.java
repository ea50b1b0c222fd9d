package com.interactionledger.contracts.evolution;

import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.common.LedgerUpcasters;
import com.interactionledger.contracts.dialogue.AttachmentRef;
import com.interactionledger.contracts.dialogue.LanguageTag;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision 1 of MessageRecorded, kept as it was stored ({@code old-revisions/MessageRecorded-1.json}, the sample
 * approved for that revision), read through the ledger's upcaster chain into revision 2.
 */
class MessageRecordedUpcasterTest {

    private static final JacksonSerializer SERIALIZER = LedgerSerialization.eventSerializer();

    @Test
    void theStoredRevision1SampleReadsAsRevision2() throws Exception {
        MessageRecorded message = upcast(fixture(), "1");

        assertThat(message.language()).isEqualTo("en");
        assertThat(message.region()).isNull();
        assertThat(message.text()).isEqualTo("My transfer was blocked");
        assertThat(message.messageId()).isEqualTo(new MessageId("msg-0001"));
        assertThat(message.attachments()).singleElement()
                .isEqualTo(new AttachmentRef("docstore://2026/01/receipt-77", "image/png", "receipt.png"));
    }

    @Test
    void aRegionInTheOldTagIsSplitOff() throws Exception {
        MessageRecorded message = upcast(fixture().replace("\"language\":\"en\"", "\"language\":\"zh-Hant-TW\""), "1");

        assertThat(message.language()).isEqualTo("zh-Hant");
        assertThat(message.region()).isEqualTo("TW");
    }

    @Test
    void revision2PassesUntouched() throws Exception {
        String current = fixture().replace("\"language\":\"en\"", "\"language\":\"pt\",\"region\":\"BR\"");

        MessageRecorded message = upcast(current, "2");

        assertThat(message.language()).isEqualTo("pt");
        assertThat(message.region()).isEqualTo("BR");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"en,en,-", "zh-CN,zh,CN", "zh-Hant-TW,zh-Hant,TW", "es-419,es,419",
            "en-gb,en,GB", "sr-Latn,sr-Latn,-", "-,-,-"})
    void theTagRule(String tag, String language, String region) {
        assertThat(LanguageTag.languageOf(tag)).isEqualTo(language);
        assertThat(LanguageTag.regionOf(tag)).isEqualTo(region);
    }

    private static MessageRecorded upcast(String json, String revision) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("InteractionSession", "ses-0001", 1,
                "event-1", "2026-01-15T10:30:00.123456Z", MessageRecorded.class.getName(), revision,
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> read = LedgerUpcasters.chain()
                .upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER))).toList();
        assertThat(read).singleElement().satisfies(event -> assertThat(event.getType().getRevision()).isEqualTo("2"));
        IntermediateEventRepresentation event = read.get(0);
        return SERIALIZER.deserialize(new SimpleSerializedObject<>(event.getData(byte[].class).getData(), byte[].class,
                event.getType()));
    }

    private static String fixture() throws Exception {
        try (InputStream in = MessageRecordedUpcasterTest.class.getResourceAsStream("/old-revisions/MessageRecorded-1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
