package com.interactionledger.tools.importing.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a delimited text file record by record, strictly: a record the format does not allow is returned as
 * {@link Row.Malformed} with its line, the field it went wrong in and why, and reading goes on with the next line —
 * an importer rejects that record whole and imports the rest.
 * <p>
 * Parsing is done on bytes, not characters: the separators, quotes and line ends are ASCII, which never occur inside
 * a UTF-8 multi-byte sequence, so each field's bytes can be cut out first and decoded strictly afterwards — an
 * invalid UTF-8 sequence is then reported in the field it is in, instead of being replaced by U+FFFD unseen.
 * <p>
 * {@link #csv} follows RFC 4180 (fields in double quotes may hold separators, line ends and doubled quotes); a
 * carriage return that does not end a line (a "bare CR") is refused in either mode, because spreadsheet exports
 * that contain one have split a record into fragments. {@link #tsv} has no quoting at all: a line is a record.
 */
public final class DelimitedFile implements AutoCloseable {

    /** What {@link #next()} returns: a record, or a line that is not one. */
    public sealed interface Row permits Row.Record, Row.Malformed {

        /** The line the record starts on (1 is the file's first line). */
        long line();

        /** A record: its fields decoded. */
        record Record(long line, List<String> fields) implements Row {
        }

        /**
         * A record that cannot be read.
         *
         * @param field  the field (1 is the first) where it went wrong; 0 when no field is to blame
         * @param reason what is wrong, in words
         */
        record Malformed(long line, int field, String reason) implements Row {
        }
    }

    private static final byte QUOTE = '"';
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final byte separator;
    private final boolean quoting;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;

    private DelimitedFile(InputStream in, byte separator, boolean quoting) {
        this.in = in;
        this.separator = separator;
        this.quoting = quoting;
    }

    /** Comma-separated values as RFC 4180 writes them. */
    public static DelimitedFile csv(InputStream in) {
        return new DelimitedFile(in, (byte) ',', true);
    }

    /** Tab-separated values without quoting: a line is a record, its fields split at each tab. */
    public static DelimitedFile tsv(InputStream in) {
        return new DelimitedFile(in, (byte) '\t', false);
    }

    /**
     * The next record or malformed line, or null at the end of the file. Empty lines are no records (a file's
     * trailing blank lines, say); a record of one empty field is written {@code ""}.
     */
    public Row next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        while (peek() == LF || peek() == CR && skipEmptyCrLf()) {
            if (read() == LF) {
                line++;
            }
        }
        if (peek() < 0) {
            return null;
        }
        long startLine = line;
        List<byte[]> raw = new ArrayList<>();
        Field field = new Field();
        boolean inQuotes = false;
        boolean quotedField = false;
        boolean afterClosingQuote = false;
        while (true) {
            int b = read();
            if (b < 0) {
                if (inQuotes) {
                    return new Row.Malformed(startLine, raw.size() + 1,
                            "the file ends inside a quoted field that started on line " + startLine);
                }
                raw.add(field.bytes());
                return decoded(startLine, raw);
            }
            if (inQuotes) {
                if (b == QUOTE) {
                    if (peek() == QUOTE) {
                        read();
                        field.add(QUOTE);
                    } else {
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                } else if (b == CR && peek() != LF) {
                    return skipRest(startLine, raw.size() + 1, "a carriage return that does not end a line");
                } else {
                    if (b == LF) {
                        line++;
                    }
                    field.add((byte) b);
                }
                continue;
            }
            if (b == separator) {
                raw.add(field.bytes());
                field = new Field();
                quotedField = false;
                afterClosingQuote = false;
            } else if (b == LF || b == CR) {
                if (b == CR) {
                    if (peek() != LF) {
                        return skipRest(startLine, raw.size() + 1, "a carriage return that does not end a line");
                    }
                    read();
                }
                line++;
                raw.add(field.bytes());
                return decoded(startLine, raw);
            } else if (afterClosingQuote) {
                return skipRest(startLine, raw.size() + 1, "text after the closing quote of a quoted field");
            } else if (quoting && b == QUOTE) {
                if (field.length() > 0 || quotedField) {
                    return skipRest(startLine, raw.size() + 1, "a quote inside a field that is not quoted");
                }
                inQuotes = true;
                quotedField = true;
            } else {
                field.add((byte) b);
            }
        }
    }

    /** Whether the CR ahead starts an empty CRLF line (then its CR is consumed and the LF left to read). */
    private boolean skipEmptyCrLf() throws IOException {
        if (position + 1 >= limit) {
            // the LF may be in the next buffer: move what is left to the front and read more
            int left = limit - position;
            System.arraycopy(buffer, position, buffer, 0, left);
            position = 0;
            limit = left;
            int n = in.readNBytes(buffer, left, buffer.length - left);
            limit += Math.max(n, 0);
        }
        if (position + 1 < limit && buffer[position + 1] == LF) {
            position++;
            return true;
        }
        return false;
    }

    private Row decoded(long startLine, List<byte[]> raw) {
        List<String> fields = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            try {
                fields.add(utf8.decode(ByteBuffer.wrap(raw.get(i))).toString());
            } catch (CharacterCodingException e) {
                return new Row.Malformed(startLine, i + 1, "invalid UTF-8 (" + e.getMessage() + ")");
            }
        }
        return new Row.Record(startLine, List.copyOf(fields));
    }

    /** A malformed record is dropped up to the end of the physical line it went wrong on; reading resumes there. */
    private Row skipRest(long startLine, int field, String reason) throws IOException {
        int b;
        while ((b = read()) >= 0 && b != LF) {
            // skipped
        }
        if (b == LF) {
            line++;
        }
        return new Row.Malformed(startLine, field, reason);
    }

    private void skipByteOrderMark() throws IOException {
        fill();
        if (limit - position >= BOM.length
                && Arrays.equals(buffer, position, position + BOM.length, BOM, 0, BOM.length)) {
            position += BOM.length;
        }
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xFF;
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        int n = in.readNBytes(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return limit > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A growing field's bytes. */
    private static final class Field {
        private byte[] bytes = new byte[64];
        private int length;

        void add(byte b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, length * 2);
            }
            bytes[length++] = b;
        }

        int length() {
            return length;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, length);
        }
    }
}
