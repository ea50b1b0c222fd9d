package com.interactionledger.tools.importing.source;

import com.interactionledger.tools.importing.source.DelimitedFile.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The public files in {@code ../shared/data} read as their SOURCE.txt says they are (row counts verified there with
 * Python's csv module), quirks included. Skipped, saying so, where that folder is absent (a user's clone).
 */
class SharedDataFormatsTest {

    static final Path DATA = Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();

    @ParameterizedTest(name = "{0}: {2} rows (header included) of {3} fields")
    @CsvSource({
            "cfpb-complaints/complaints_sample.csv, false, 6624, 18",
            "jddc/chat_0.1per_v1_2019-11-02.txt, true, 11861, 7",
            "banking77/train.csv, false, 10004, 2"})
    void everyRowOfTheFileIsARecordOfAsManyFieldsAsItsSourceSays(String file, boolean tabs, int rows, int fields)
            throws IOException {
        assertThat(rows(file, tabs)).hasSize(rows).allMatch(row -> row instanceof Row.Record record
                && record.fields().size() == fields);
    }

    @Test
    void theTwcsHeadHas4999WellFormedTweetsAndTheOneWithBareCarriageReturnsIsMalformed() throws IOException {
        List<Row> rows = rows("twcs/twcs_head5000.csv", false);

        List<Row> malformed = rows.stream().filter(row -> row instanceof Row.Malformed).toList();
        assertThat(malformed).singleElement().isInstanceOfSatisfying(Row.Malformed.class,
                row -> assertThat(row.reason()).isEqualTo("a carriage return that does not end a line"));
        assertThat(rows.stream().filter(row -> row instanceof Row.Record record && record.fields().size() == 8))
                .hasSize(1 + 4_999);
    }

    static List<Row> rows(String file, boolean tabs) throws IOException {
        Path path = DATA.resolve(file);
        assumeTrue(Files.isRegularFile(path), () -> "skipped: " + path + " is absent (the shared data folder is not"
                + " beside this clone)");
        return DelimitedFileTest.read(tabs ? DelimitedFile.tsv(Files.newInputStream(path))
                : DelimitedFile.csv(Files.newInputStream(path)));
    }
}
