package com.interactionledger.tools.importing.source;

import com.interactionledger.tools.importing.source.DelimitedFile.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DelimitedFileTest {

    @Test
    void quotedFieldsHoldSeparatorsLineEndsAndDoubledQuotesAndTheRecordStartsOnItsFirstLine() throws IOException {
        List<Row> rows = csv("a,b,c\r\n1,\"x, \"\"y\"\"\r\nz\",3\n4,,\"\"\n");

        assertThat(rows).containsExactly(
                new Row.Record(1, List.of("a", "b", "c")),
                new Row.Record(2, List.of("1", "x, \"y\"\r\nz", "3")),
                new Row.Record(4, List.of("4", "", "")));
    }

    @Test
    void aBareCarriageReturnMakesItsRecordMalformedAndReadingResumesOnTheNextLine() throws IOException {
        List<Row> rows = csv("a,b\n1,one\rtwo\n2,\"in\rquotes\"\n3,three\n");

        assertThat(rows).containsExactly(
                new Row.Record(1, List.of("a", "b")),
                new Row.Malformed(2, 2, "a carriage return that does not end a line"),
                new Row.Malformed(3, 2, "a carriage return that does not end a line"),
                new Row.Record(4, List.of("3", "three")));
    }

    @Test
    void invalidUtf8IsReportedInTheFieldThatHoldsIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("a,b\n1,ok\n2,".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes("\n3,\u767d\u6761\n".getBytes(StandardCharsets.UTF_8));

        List<Row> rows = read(DelimitedFile.csv(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(rows).hasSize(4);
        assertThat(rows.get(2)).isInstanceOfSatisfying(Row.Malformed.class, malformed -> {
            assertThat(malformed.line()).isEqualTo(3);
            assertThat(malformed.field()).isEqualTo(2);
            assertThat(malformed.reason()).startsWith("invalid UTF-8");
        });
        assertThat(rows.get(3)).isEqualTo(new Row.Record(4, List.of("3", "\u767d\u6761")));
    }

    @Test
    void misplacedQuotesAndAnUnterminatedQuoteAreMalformed() throws IOException {
        List<Row> rows = csv("a,b\n1,ab\"c\n2,\"ab\"c\n3,\"open\nnever closed\n");

        assertThat(rows).containsExactly(
                new Row.Record(1, List.of("a", "b")),
                new Row.Malformed(2, 2, "a quote inside a field that is not quoted"),
                new Row.Malformed(3, 2, "text after the closing quote of a quoted field"),
                new Row.Malformed(4, 2, "the file ends inside a quoted field that started on line 4"));
    }

    @Test
    void aByteOrderMarkAndEmptyLinesAreNoPartOfAnyRecordAndALastLineNeedsNoLineEnd() throws IOException {
        List<Row> rows = csv("\uFEFFa,b\r\n\r\n1,2\n\n3,4");

        assertThat(rows).containsExactly(
                new Row.Record(1, List.of("a", "b")),
                new Row.Record(3, List.of("1", "2")),
                new Row.Record(5, List.of("3", "4")));
    }

    @Test
    void tabSeparatedLinesHaveNoQuotingSoQuotesAndCommasAreText() throws IOException {
        List<Row> rows = read(DelimitedFile.tsv(new ByteArrayInputStream(
                "s1\tUSERID_1\t0\t\"\u4f60\u597d\", \u5728\u5417\ns1\tUSERID_1\t1\ta!@@@!b\n"
                        .getBytes(StandardCharsets.UTF_8))));

        assertThat(rows).containsExactly(
                new Row.Record(1, List.of("s1", "USERID_1", "0", "\"\u4f60\u597d\", \u5728\u5417")),
                new Row.Record(2, List.of("s1", "USERID_1", "1", "a!@@@!b")));
    }

    @Test
    void recordsSpanningTheReadBufferAreReadWhole() throws IOException {
        StringBuilder text = new StringBuilder("id,text\r\n");
        String long1 = "x".repeat(70_000);
        text.append("1,\"").append(long1).append("\"\r\n");
        for (int i = 2; i < 5_000; i++) {
            text.append(i).append(",line ").append(i).append("\r\n");
        }

        List<Row> rows = csv(text.toString());

        assertThat(rows).hasSize(5_000).allMatch(row -> row instanceof Row.Record);
        assertThat(((Row.Record) rows.get(1)).fields().get(1)).isEqualTo(long1);
        assertThat(rows.get(4_999)).isEqualTo(new Row.Record(5_000, List.of("4999", "line 4999")));
    }

    private static List<Row> csv(String text) throws IOException {
        return read(DelimitedFile.csv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    static List<Row> read(DelimitedFile file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (file) {
            for (Row row = file.next(); row != null; row = file.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
