package com.interactionledger.tools.importing;

import com.interactionledger.contracts.common.LedgerCommand;
import com.interactionledger.tools.importing.source.DelimitedFile;

import java.io.IOException;
import java.io.InputStream;
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

    /** The file as rows of fields: {@link DelimitedFile#csv} or {@link DelimitedFile#tsv}. */
    DelimitedFile open(InputStream in);

    /**
     * Reads every row, handing on each record's command, and each row or value that cannot be imported as a
     * rejection (nothing of that record is then imported).
     *
     * @param mapping field name to column name, from {@code --mapping} (formats with a header line; otherwise empty)
     * @throws com.interactionledger.tools.importing.source.SourceColumns.Refused when the file cannot be read as
     *                                                                           this format at all
     */
    void read(DelimitedFile file, Map<String, String> mapping, Consumer<Record> records, Rejects rejects)
            throws IOException;

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
