package com.interactionledger.contracts.evolution;

import com.interactionledger.contracts.dialogue.AttachmentRef;
import com.interactionledger.contracts.dialogue.LanguageTag;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision 1 of MessageRecorded, kept as it was stored ({@code old-revisions/MessageRecorded-1.json}, the sample
 * approved for that revision), read through the ledger's upcaster chain into revision 2.
 */
class MessageRecordedUpcasterTest {

    @Test
    void theStoredRevision1SampleReadsAsRevision2() {
        MessageRecorded message = upcast(fixture(), "1");

        assertThat(message.language()).isEqualTo("en");
        assertThat(message.region()).isNull();
        assertThat(message.text()).isEqualTo("My transfer was blocked");
        assertThat(message.messageId()).isEqualTo(new MessageId("msg-0001"));
        assertThat(message.attachments()).singleElement()
                .isEqualTo(new AttachmentRef("docstore://2026/01/receipt-77", "image/png", "receipt.png"));
    }

    @Test
    void aRegionInTheOldTagIsSplitOff() {
        MessageRecorded message = upcast(fixture().replace("\"language\":\"en\"", "\"language\":\"zh-Hant-TW\""), "1");

        assertThat(message.language()).isEqualTo("zh-Hant");
        assertThat(message.region()).isEqualTo("TW");
    }

    @Test
    void revision2PassesUntouched() {
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
        return StoredRevisions.read(MessageRecorded.class, json, revision, "2");
    }

    private static String fixture() {
        return StoredRevisions.sample("/old-revisions/MessageRecorded-1.json");
    }
}
