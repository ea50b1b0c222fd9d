package com.interactionledger.tools.importing.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where an importer's fields are in a file with a header line. Republished copies of public data rename, drop and
 * reorder columns, and some reuse a name for another field, so a field is found by its column's name, never by
 * its place; a mapping file names another column for a field, or none. A file that lacks a required field's column
 * is refused before anything is read from it, naming the columns it has and the ones it lacks.
 * <p>
 * The mapping file: one {@code field = column name} a line; {@code #} starts a comment; an empty column name says the
 * file has no such column (allowed for optional fields only). Column names are matched ignoring case and the
 * spaces around them. Example, for a CFPB extract whose date column is called {@code received}:
 * <pre>
 * dateReceived = received
 * tags =
 * </pre>
 */
public final class SourceColumns {

    /**
     * A field an importer reads.
     *
     * @param name     the importer's name for it, as a mapping file names it
     * @param column   the column's name in the canonical form of the source
     * @param required whether a file without it is refused
     */
    public record Field(String name, String column, boolean required) {

        public static Field required(String name, String column) {
            return new Field(name, column, true);
        }

        public static Field optional(String name, String column) {
            return new Field(name, column, false);
        }
    }

    /** The file cannot be imported as it is: its header lacks required columns, or the mapping is wrong. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Map<String, Integer> indexes;
    private final int width;

    private SourceColumns(Map<String, Integer> indexes, int width) {
        this.indexes = indexes;
        this.width = width;
    }

    /**
     * @param header  the file's header line
     * @param fields  what the importer reads
     * @param mapping field name to column name, overriding each field's canonical column (empty: none)
     * @throws Refused when a required field has no column, or the mapping names a field the importer does not have
     */
    public static SourceColumns resolve(List<String> header, List<Field> fields, Map<String, String> mapping) {
        Map<String, Field> byName = new LinkedHashMap<>();
        fields.forEach(field -> byName.put(field.name(), field));
        List<String> unknown = mapping.keySet().stream().filter(name -> !byName.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            throw new Refused("the mapping names fields this importer does not read: " + unknown
                    + "; it reads " + byName.keySet());
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            // the first of two columns of the same name is the one taken
            columns.put(normal(header.get(i)), i);
        }
        Map<String, Integer> indexes = new LinkedHashMap<>();
        List<String> lacking = new ArrayList<>();
        for (Field field : fields) {
            String column = mapping.getOrDefault(field.name(), field.column());
            Integer index = column.isBlank() ? null : columns.get(normal(column));
            if (index != null) {
                indexes.put(field.name(), index);
            } else if (field.required()) {
                lacking.add(column.isBlank() ? field.name() + " (mapped to no column)"
                        : "\"" + column + "\" (" + field.name() + ")");
            }
        }
        if (!lacking.isEmpty()) {
            throw new Refused("the file lacks the columns " + String.join(", ", lacking) + "; it has " + header
                    + ". Name the columns that hold these fields in a mapping file (--mapping FILE: one"
                    + " \"field = column name\" a line).");
        }
        return new SourceColumns(indexes, header.size());
    }

    /** A mapping file as {@link #resolve} takes it. */
    public static Map<String, String> readMapping(Path file) throws IOException {
        Map<String, String> mapping = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new Refused(file + " line " + (i + 1) + ": expected \"field = column name\", found \"" + line
                        + "\"");
            }
            String field = line.substring(0, equals).strip();
            if (mapping.put(field, line.substring(equals + 1).strip()) != null) {
                throw new Refused(file + " line " + (i + 1) + ": " + field + " is mapped twice");
            }
        }
        return mapping;
    }

    /** How many fields each record must have: as many as the header. */
    public int width() {
        return width;
    }

    /** Whether the file has a column for this field. */
    public boolean has(String field) {
        return indexes.containsKey(field);
    }

    /** The field's value in the record, or null when the file has no column for it. */
    public String get(List<String> record, String field) {
        Integer index = indexes.get(field);
        return index == null ? null : record.get(index);
    }

    /** The field's column number in the file (1 is the first), or 0 when it has none: for reports of bad values. */
    public int column(String field) {
        Integer index = indexes.get(field);
        return index == null ? 0 : index + 1;
    }

    private static String normal(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }
}
