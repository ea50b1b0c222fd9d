package com.interactionledger.tools.importing.source;

import com.interactionledger.tools.importing.source.SourceColumns.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceColumnsTest {

    private static final List<Field> FIELDS = List.of(
            Field.required("dateReceived", "Date received"),
            Field.required("complaintId", "Complaint ID"),
            Field.optional("tags", "Tags"));

    @Test
    void fieldsAreFoundByColumnNameWhereverTheColumnStandsIgnoringCaseAndSpaces() {
        SourceColumns columns = SourceColumns.resolve(List.of(" complaint id", "Extra", "DATE RECEIVED "), FIELDS,
                Map.of());

        List<String> record = List.of("42", "x", "2019-01-02");
        assertThat(columns.get(record, "complaintId")).isEqualTo("42");
        assertThat(columns.get(record, "dateReceived")).isEqualTo("2019-01-02");
        assertThat(columns.has("tags")).isFalse();
        assertThat(columns.get(record, "tags")).isNull();
        assertThat(columns.column("dateReceived")).isEqualTo(3);
        assertThat(columns.width()).isEqualTo(3);
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedNamingWhatItHasAndWhatItLacks() {
        assertThatThrownBy(() -> SourceColumns.resolve(List.of("Complaint ID", "Tags"), FIELDS, Map.of()))
                .isInstanceOf(SourceColumns.Refused.class)
                .hasMessageContaining("lacks the columns \"Date received\" (dateReceived)")
                .hasMessageContaining("it has [Complaint ID, Tags]")
                .hasMessageContaining("--mapping");
    }

    @Test
    void aMappingFileRenamesReassignsAndDropsColumns(@TempDir Path dir) throws IOException {
        Path mapping = dir.resolve("mapping.txt");
        Files.writeString(mapping, "# a republished extract\ndateReceived = received on\ncomplaintId = Date"
                + " received\ntags =\n");

        SourceColumns columns = SourceColumns.resolve(List.of("Date received", "received on", "Tags"), FIELDS,
                SourceColumns.readMapping(mapping));

        List<String> record = List.of("7", "2020-03-18", "Older American");
        assertThat(columns.get(record, "dateReceived")).isEqualTo("2020-03-18");
        assertThat(columns.get(record, "complaintId")).isEqualTo("7");
        assertThat(columns.has("tags")).isFalse();
    }

    @Test
    void aMappingOfAFieldTheImporterDoesNotReadOrOfARequiredFieldToNothingIsRefused(@TempDir Path dir)
            throws IOException {
        assertThatThrownBy(() -> SourceColumns.resolve(List.of("Date received", "Complaint ID"), FIELDS,
                Map.of("narrative", "Text")))
                .isInstanceOf(SourceColumns.Refused.class).hasMessageContaining("[narrative]");
        assertThatThrownBy(() -> SourceColumns.resolve(List.of("Date received", "Complaint ID"), FIELDS,
                Map.of("complaintId", "")))
                .isInstanceOf(SourceColumns.Refused.class).hasMessageContaining("complaintId (mapped to no column)");

        Path twice = dir.resolve("twice.txt");
        Files.writeString(twice, "tags = a\ntags = b\n");
        assertThatThrownBy(() -> SourceColumns.readMapping(twice))
                .isInstanceOf(SourceColumns.Refused.class).hasMessageContaining("line 2: tags is mapped twice");
    }
}
