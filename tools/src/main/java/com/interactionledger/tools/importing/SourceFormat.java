package com.interactionledger.tools.importing;

import com.interactionledger.contracts.common.LedgerCommand;
import com.interactionledger.tools.importing.source.DelimitedFile;
import com.interactionledger.tools.importing.source.DelimitedFile.Row;
import com.interactionledger.tools.importing.source.SourceColumns;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One kind of file the ledger imports (docs/IMPORTING.md): how its rows become the commands that bring each of its
 * records onto the ledger. A record is what is imported whole or not at all — a complaint, a conversation — and is
 * keyed by its id in the source, so the same record always becomes the same aggregate and a second import of it is
 * recognised and skipped.
 */
public interface SourceFormat {

    /** The name the command line calls it by ({@code cfpb}, {@code twcs}...). */
    String name();

    /**
     * The file as rows of fields: {@link DelimitedFile#csv}, unless a format reads another ({@link DelimitedFile#tsv}).
     */
    default DelimitedFile open(InputStream in) {
        return DelimitedFile.csv(in);
    }

    /**
     * Reads every row, handing on each record's command, and each row or value that cannot be imported as a
     * rejection (nothing of that record is then imported).
     *
     * @throws com.interactionledger.tools.importing.source.SourceColumns.Refused when the file cannot be read as
     *                                                                           this format at all
     */
    void read(DelimitedFile file, Settings settings, Consumer<Record> records, Rejects rejects) throws IOException;

    /**
     * What the run tells a format beside the file itself.
     *
     * @param mapping    field name to column name, from {@code --mapping} (formats with a header line; else empty)
     * @param occurredAt for sources that record no time: the valid time of everything the file holds
     *                   ({@code --occurred-at}), or null when not given
     * @param sha256     the file's SHA-256 (hex): with a line number, the id of a record in a source that has none
     * @param importer   the importer's identity ({@code ledger.import.actor}), which carries imported messages
     */
    record Settings(Map<String, String> mapping, Instant occurredAt, String sha256, String importer) {

        public Settings {
            mapping = Map.copyOf(mapping);
        }

        /**
         * For a source that records no time: the instant the run gives ({@code --occurred-at}); without it the file
         * is refused before a row is read, so nothing is written — the importer never makes a time up.
         *
         * @param what what the source holds, as the refusal names it ("BANKING77 utterances")
         */
        public Instant occurredAtOrRefuse(String what) {
            if (occurredAt == null) {
                throw new SourceColumns.Refused(what + " record no time: give the instant they are valid at with"
                        + " --occurred-at (2019-11-02T00:00:00Z, or a date: its start in UTC)");
            }
            return occurredAt;
        }
    }

    /** What a format does with each row of a file with a header line ({@link #rowsBelowHeader}). */
    interface RowReader {
        void read(SourceColumns columns, Row.Record row);
    }

    /**
     * A file with a header line: its columns found by name ({@link SourceColumns#resolve}, with the run's mapping),
     * then every row below it that reads and has as many fields as the header handed to {@code each}; a row that
     * cannot be read, or has another number of fields, is rejected with its line and reason.
     *
     * @return the columns, for what the format does after the last row
     * @throws SourceColumns.Refused when the header is missing or unreadable, or lacks a required column
     */
    static SourceColumns rowsBelowHeader(DelimitedFile file, List<SourceColumns.Field> fields, Settings settings,
                                         Rejects rejects, RowReader each) throws IOException {
        Row first = file.next();
        if (!(first instanceof Row.Record header)) {
            throw new SourceColumns.Refused(first == null ? "the file is empty: it has no header line"
                    : "its header line cannot be read: " + ((Row.Malformed) first).reason());
        }
        SourceColumns columns = SourceColumns.resolve(header.fields(), fields, settings.mapping());
        for (Row row = file.next(); row != null; row = file.next()) {
            if (row instanceof Row.Malformed malformed) {
                rejects.reject(malformed.line(), malformed.field(), malformed.reason());
            } else if (row instanceof Row.Record record && record.fields().size() != columns.width()) {
                rejects.reject(record.line(), 0, "expected " + columns.width() + " fields (as the header has),"
                        + " found " + record.fields().size());
            } else if (row instanceof Row.Record record) {
                each.read(columns, record);
            }
        }
        return columns;
    }

    /**
     * One record, ready to send.
     *
     * @param recordId    its id in the source
     * @param line        the line it starts on
     * @param aggregateId the session or complaint it becomes (its presence on the ledger means: imported already)
     * @param customerId  the customer it belongs to (whose key seals its personal fields)
     * @param command     the one command that brings it in whole
     */
    record Record(String recordId, long line, String aggregateId, String customerId, LedgerCommand command) {
    }

    /** Where rows and records that cannot be imported are reported. */
    interface Rejects {

        /**
         * @param line   the line of the file
         * @param column the column (1 is the first), 0 when no single column is to blame
         * @param reason why, in words
         */
        void reject(long line, int column, String reason);
    }
}
