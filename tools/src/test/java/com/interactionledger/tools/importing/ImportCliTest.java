package com.interactionledger.tools.importing;

import com.interactionledger.tools.demo.EmbeddedDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code scripts/import.sh} as a user runs it, on the embedded default: good rows imported, bad ones reported with
 * their line, column and reason; a file refused whole (a required column missing, or {@code --strict} and a bad
 * row) writes nothing at all.
 */
class ImportCliTest {

    private static final String HEADER = "Date received,Product,Issue,Company,Submitted via,Company response to"
            + " consumer,Timely response?,Complaint ID\n";

    @Test
    void goodRowsAreImportedAndEachBadOneIsReportedWithItsLineColumnAndReason(@TempDir Path dir) throws Exception {
        Path file = write(dir, HEADER
                + "2020-03-18,Mortgage,Trouble during payment process,A Bank,Web,Closed with explanation,Yes,1\n"
                + "2020-03-19,Mortgage,Struggling to pay,A Bank,Carrier pigeon,In progress,Yes,2\n"
                + "18 March,Mortgage,Struggling to pay,A Bank,Phone,In progress,Yes,3\n"
                + "2020-03-20,Checking or savings account,Managing an account,A Bank,Phone,In progress,,4\n");
        Path rejects = dir.resolve("rejects.csv");

        Importer.Summary summary = ImportCli.run(null, "cfpb", "--file", file.toString(), "--rejects",
                rejects.toString(), "--ledger.data-dir=" + dir.resolve("data"));

        assertThat(summary.records()).isEqualTo(2);
        assertThat(summary.imported()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(Files.readAllLines(rejects)).containsExactly("file,line,column,reason",
                "\"complaints.csv\",3,5,\"submittedVia (column 5): \"\"Carrier pigeon\"\" is not a way the mapping"
                        + " knows (" + CfpbComplaints.CHANNELS.keySet() + ")\"",
                "\"complaints.csv\",4,1,\"dateReceived (column 1): \"\"18 March\"\" is not a date (2020-03-18,"
                        + " 3/18/2020 or 2020/3/18)\"");
        // complaint 1: lodged, its clocks, what the source says, resolved; complaint 4 (in progress): the first three
        assertThat(eventsIn(dir)).isEqualTo(7);
    }

    @Test
    void aFileWithoutARequiredColumnOrWithABadRowUnderStrictIsRefusedAndNothingIsWritten(@TempDir Path dir)
            throws Exception {
        Path noId = write(dir, "Date received,Product,Issue,Company,Submitted via\n2020-03-18,Mortgage,Fees,A Bank,"
                + "Web\n");
        assertThatThrownBy(() -> ImportCli.run(null, "cfpb", "--file", noId.toString(), "--rejects",
                dir.resolve("r1.csv").toString(), "--ledger.data-dir=" + dir.resolve("data")))
                .isInstanceOf(Importer.FileRefused.class)
                .hasMessageContaining("lacks the columns \"Complaint ID\" (complaintId)")
                .hasMessageContaining("it has [Date received, Product, Issue, Company, Submitted via]");

        Path bad = write(dir, HEADER
                + "2020-03-18,Mortgage,Trouble during payment process,A Bank,Web,Closed with explanation,Yes,1\n"
                + "2020-03-19,Mortgage,Struggling to pay,A Bank,Web,In progress,Maybe,2\n");
        assertThatThrownBy(() -> ImportCli.run(null, "cfpb", "--file", bad.toString(), "--strict", "--rejects",
                dir.resolve("r2.csv").toString(), "--ledger.data-dir=" + dir.resolve("data")))
                .isInstanceOf(Importer.FileRefused.class)
                .hasMessageContaining("(--strict), nothing was imported: line 3, column 7: timely (column 7):"
                        + " \"Maybe\" is not Yes, No or N/A");
        assertThat(eventsIn(dir)).isZero();
    }

    private static Path write(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("complaints.csv"), text);
    }

    private static long eventsIn(Path dir) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedDefault.url(dir.resolve("data")), "sa", "");
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            count.next();
            return count.getLong(1);
        }
    }
}
