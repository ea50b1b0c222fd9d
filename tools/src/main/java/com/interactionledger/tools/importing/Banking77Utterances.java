package com.interactionledger.tools.importing;

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
import com.interactionledger.tools.importing.source.SourceColumns.Field;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * BANKING77's labelled utterances ({@code text, category}: online-banking queries, each labelled by people with one
 * of 77 intents), as one-message sessions: the customer's query, and its label recorded as the intent of that
 * message by a named human-label classifier. What each part becomes is in docs/IMPORTING.md.
 * <p>
 * The source records neither a time nor an id. Its valid time is the run's {@code --occurred-at}, without which
 * the file is refused; a record is keyed by the file's SHA-256 and the line it starts on, so the same file imported
 * again appends nothing, and another split (test.csv), another file, gets sessions of its own.
 */
public final class Banking77Utterances implements SourceFormat {

    static final List<Field> FIELDS = List.of(
            Field.required("text", "text"),
            Field.required("category", "category"));

    /**
     * The dataset's README calls them online-banking queries, typed, which a bank answers in its chat; it names no
     * app, so the web chat.
     */
    static final Channel CHANNEL = Channel.WEB_CHAT;

    /** The queries are in English. */
    static final String LANGUAGE = "en";

    /** The labels are people's (the dataset's annotators), not a model's: named so, and certain. */
    static final String CLASSIFIER = "banking77-human-label";

    /** How much of the file's SHA-256 its record ids carry: 48 bits tell splits and versions apart. */
    static final int DIGEST_PREFIX = 12;

    @Override
    public String name() {
        return "banking77";
    }

    @Override
    public void read(DelimitedFile file, Settings settings, Consumer<Record> records, Rejects rejects)
            throws IOException {
        // Refused before a row is read, so nothing is written: an utterance without a time cannot be placed in the
        // history, and the importer must not make one up (no clock here).
        Instant at = settings.occurredAtOrRefuse("BANKING77 utterances");
        String digest = settings.sha256().substring(0, DIGEST_PREFIX);
        ModelRef classifier = new ModelRef(CLASSIFIER, digest);
        Caller importer = Caller.importer(settings.importer(), Set.of(CHANNEL));
        SourceFormat.rowsBelowHeader(file, FIELDS, settings, rejects, (columns, record) -> {
            String text = columns.get(record.fields(), "text");
            String category = columns.get(record.fields(), "category").strip();
            if (text.isBlank()) {
                rejects.reject(record.line(), columns.column("text"), "text (column " + columns.column("text")
                        + "): is empty");
            } else if (category.isEmpty()) {
                rejects.reject(record.line(), columns.column("category"), "category (column "
                        + columns.column("category") + "): is empty");
            } else {
                records.accept(utterance(digest, record.line(), text, category, at, classifier, importer));
            }
        });
    }

    /**
     * One utterance as a session of one message. The text is kept as the file has it (what the customer wrote,
     * line breaks included); the label is stripped, being a name.
     */
    private static Record utterance(String digest, long line, String text, String category, Instant at,
                                    ModelRef classifier, Caller importer) {
        String key = digest + "-" + line;
        SessionId session = new SessionId("b77-" + key);
        // Nothing in the dataset tells its writers apart: each utterance is its own unknown customer (as each CFPB
        // complaint is its own data subject), whose key seals that one text.
        CustomerId customer = new CustomerId("b77-customer-" + key);
        MessageId message = new MessageId("utterance-" + line);
        // No queue: the query reaches the bank's chat, the bot's side, as a typed question does before any handoff.
        StartSession start = new StartSession(session, customer, CHANNEL, null, null, LANGUAGE, null, null, at);
        RecordMessage said = new RecordMessage(session, null, message, ParticipantRole.CUSTOMER, null, text,
                LANGUAGE, List.of(), at, importer);
        RecordIntent labelled = new RecordIntent(session, null, message, category, 1.0, classifier, at);
        return new Record(key, line, session.value(), customer.value(),
                new ImportSession(start, List.of(said, labelled)));
    }
}
