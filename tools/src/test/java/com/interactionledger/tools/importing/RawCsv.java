package com.interactionledger.tools.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The import acceptance tests' own reading of a CSV file, kept apart from the importer's ({@code DelimitedFile}) so
 * that their figures are computed from the raw file independently: RFC 4180 over the whole text — fields split at
 * commas outside quotes, records at line ends outside quotes (LF or CRLF), a doubled quote inside quotes is one
 * quote, quoted fields may hold commas and line ends. A carriage return that ends no line is kept in its field and
 * marked on its record.
 */
final class RawCsv {

    /**
     * One record of the file.
     *
     * @param line         the line it starts on
     * @param fields       its fields, as the file holds them
     * @param bareCrColumn the field (1 is the first) holding a carriage return that ends no line; 0 when none does
     */
    record Record(long line, List<String> fields, int bareCrColumn) {
    }

    private RawCsv() {
    }

    /** Every record of the file, its header line first. */
    static List<Record> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        long line = 1;
        long startLine = 1;
        int bareCr = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crAlone = c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
            if (crAlone && bareCr == 0) {
                bareCr = fields.size() + 1;
            }
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                    line += c == '\n' ? 1 : 0;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                records.add(new Record(startLine, List.copyOf(fields), bareCr));
                fields.clear();
                field.setLength(0);
                bareCr = 0;
                line++;
                startLine = line;
            } else if (c != '\r' || crAlone) {
                field.append(c);
            }
        }
        if (!fields.isEmpty() || field.length() > 0) {
            fields.add(field.toString());
            records.add(new Record(startLine, List.copyOf(fields), bareCr));
        }
        return records;
    }
}
