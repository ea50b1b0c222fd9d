package com.interactionledger.tools.importing.source;

import com.interactionledger.tools.importing.source.DelimitedFile.Row;
import org.junit.jupiter.api.Test;

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

    @Test
    void theCfpbSampleHas6623RecordsOfEighteenFields() throws IOException {
        List<Row> rows = rows("cfpb-complaints/complaints_sample.csv", false);

        assertThat(rows).hasSize(6_624).allMatch(row -> row instanceof Row.Record record
                && record.fields().size() == 18);
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

    @Test
    void theJddcSampleHas11861UtterancesOfSevenFields() throws IOException {
        List<Row> rows = rows("jddc/chat_0.1per_v1_2019-11-02.txt", true);

        assertThat(rows).hasSize(11_861).allMatch(row -> row instanceof Row.Record record
                && record.fields().size() == 7);
    }

    @Test
    void banking77TrainHas10003LabelledUtterances() throws IOException {
        List<Row> rows = rows("banking77/train.csv", false);

        assertThat(rows).hasSize(10_004).allMatch(row -> row instanceof Row.Record record
                && record.fields().size() == 2);
    }

    static List<Row> rows(String file, boolean tabs) throws IOException {
        Path path = DATA.resolve(file);
        assumeTrue(Files.isRegularFile(path), () -> "skipped: " + path + " is absent (the shared data folder is not"
                + " beside this clone)");
        return DelimitedFileTest.read(tabs ? DelimitedFile.tsv(Files.newInputStream(path))
                : DelimitedFile.csv(Files.newInputStream(path)));
    }
}
