package com.interactionledger.tools.importing;

import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.ImportSession;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.ModelRef;
import com.interactionledger.contracts.dialogue.RecordIntent;
import com.interactionledger.contracts.dialogue.RecordMessage;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.StartSession;
import com.interactionledger.tools.importing.source.DelimitedFile;
import com.interactionledger.tools.importing.source.SourceColumns;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * BANKING77's rows as one-message sessions, on small files written here: each keyed by the file's digest and its
 * line, at the run's {@code --occurred-at} (refused without it), the label recorded as the message's intent by the
 * human-label classifier; columns found by name or a mapping; empty values rejected with line, column and reason.
 */
class Banking77UtterancesTest {

    private static final String SHA256 = "b06e26ac675513959a63135f11b94ea7786ed02da65db93a5650d8838cbc664b";
    private static final Instant AT = Instant.parse("2020-04-29T00:00:00Z");

    private final List<SourceFormat.Record> records = new ArrayList<>();
    private final List<String> rejects = new ArrayList<>();

    @Test
    void eachRowIsASessionOfOneCustomerMessageWithItsLabelAsTheIntentKeyedByTheFilesDigestAndLine()
            throws IOException {
        read("text,category\n"
                + "I am still waiting on my card?,card_arrival\n"
                + "\"What can I do,\nif my card is lost?\",lost_or_stolen_card\n"
                + "How do I top up?, top_up_by_card \n", Map.of(), AT);

        assertThat(rejects).isEmpty();
        assertThat(records).extracting(SourceFormat.Record::line).containsExactly(2L, 3L, 5L);
        SourceFormat.Record second = records.get(1);
        SessionId session = new SessionId("b77-b06e26ac6755-3");
        CustomerId customer = new CustomerId("b77-customer-b06e26ac6755-3");
        MessageId message = new MessageId("utterance-3");
        assertThat(second.recordId()).isEqualTo("b06e26ac6755-3");
        assertThat(second.aggregateId()).isEqualTo(session.value());
        assertThat(second.customerId()).isEqualTo(customer.value());
        assertThat(second.command()).isEqualTo(new ImportSession(
                new StartSession(session, customer, Channel.WEB_CHAT, null, null, "en", null, null, AT),
                List.of(new RecordMessage(session, null, message, ParticipantRole.CUSTOMER, null,
                                "What can I do,\nif my card is lost?", "en", List.of(), AT,
                                new Caller("importer", AccessRole.SYSTEM, Set.of(), Set.of(), Set.of(Channel.WEB_CHAT))),
                        new RecordIntent(session, null, message, "lost_or_stolen_card", 1.0,
                                new ModelRef("banking77-human-label", "b06e26ac6755"), AT))));
        assertThat(((RecordIntent) ((ImportSession) records.get(2).command()).then().get(1)).label())
                .isEqualTo("top_up_by_card");
    }

    @Test
    void anotherFileGivesTheSameLinesOtherSessionsAndTheSameFileTheSameOnes() throws IOException {
        String file = "text,category\nWhere is my card?,card_arrival\n";
        read(file, Map.of(), AT);
        read(file, Map.of(), AT);
        new Banking77Utterances().read(DelimitedFile.csv(bytes(file)), new SourceFormat.Settings(Map.of(), AT,
                "d12d6e3bc4c3103966ae786dc435913c0c563dfa328f5a3646d0e62cfeeb474d", "importer"), records::add,
                (line, column, reason) -> rejects.add(line + "," + column + "," + reason));

        assertThat(records).extracting(SourceFormat.Record::aggregateId)
                .containsExactly("b77-b06e26ac6755-2", "b77-b06e26ac6755-2", "b77-d12d6e3bc4c3-2");
    }

    @Test
    void withoutOccurredAtTheFileIsRefusedBeforeAnyRowIsRead() {
        assertThatThrownBy(() -> read("text,category\nWhere is my card?,card_arrival\n", Map.of(), null))
                .isInstanceOf(SourceColumns.Refused.class)
                .hasMessageContaining("BANKING77 utterances record no time")
                .hasMessageContaining("--occurred-at");
        assertThat(records).isEmpty();
    }

    @Test
    void columnsAreFoundByNameWhereverTheyStandAndAMappingRenamesThem() throws IOException {
        read("label,id,utterance\ncard_arrival,17,Where is my card?\n", Map.of("text", "utterance",
                "category", "label"), AT);
        read("Category,Text\ncard_arrival,Where is my card?\n", Map.of(), AT);

        assertThat(records).hasSize(2).allSatisfy(record -> {
            RecordMessage said = (RecordMessage) ((ImportSession) record.command()).then().get(0);
            RecordIntent labelled = (RecordIntent) ((ImportSession) record.command()).then().get(1);
            assertThat(said.text()).isEqualTo("Where is my card?");
            assertThat(labelled.label()).isEqualTo("card_arrival");
        });
        assertThatThrownBy(() -> read("utterance,label\nWhere is my card?,card_arrival\n", Map.of(), AT))
                .isInstanceOf(SourceColumns.Refused.class)
                .hasMessageContaining("lacks the columns \"text\" (text), \"category\" (category)");
    }

    @Test
    void aRowWithAnEmptyTextOrCategoryOrTheWrongFieldCountIsRejectedWithItsLineColumnAndReason() throws IOException {
        read("text,category\n"
                + "  ,card_arrival\n"
                + "Where is my card?,\n"
                + "Where is my card?,card_arrival,extra\n"
                + "How do I top up?,top_up_by_card\n", Map.of(), AT);

        assertThat(rejects).containsExactly(
                "2,1,text (column 1): is empty",
                "3,2,category (column 2): is empty",
                "4,0,expected 2 fields (as the header has), found 3");
        assertThat(records).extracting(SourceFormat.Record::line).containsExactly(5L);
    }

    private void read(String csv, Map<String, String> mapping, Instant occurredAt) throws IOException {
        new Banking77Utterances().read(DelimitedFile.csv(bytes(csv)), new SourceFormat.Settings(mapping, occurredAt,
                SHA256, "importer"), records::add, (line, column, reason) -> rejects.add(line + "," + column + ","
                + reason));
    }

    private static ByteArrayInputStream bytes(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
