package com.interactionledger.tools.importing;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.complaint.AcceptResolution;
import com.interactionledger.contracts.complaint.ComplaintId;
import com.interactionledger.contracts.complaint.ComplaintSourceRecorded;
import com.interactionledger.contracts.complaint.ImportComplaint;
import com.interactionledger.contracts.complaint.Jurisdiction;
import com.interactionledger.contracts.complaint.LodgeComplaint;
import com.interactionledger.contracts.complaint.ServiceRegime;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.tools.importing.source.DelimitedFile;
import com.interactionledger.tools.importing.source.DelimitedFile.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record the ledger's rules refuse is reported and its refusal recorded once: importing the same file again sends
 * it no more (the refusal is found on the ledger) and appends nothing, and says so in the reject file. A format of
 * this test's own turns each line {@code id,accepted|refused} into a complaint whose imported history the rules
 * accept, or refuse (a resolution accepted before there is one).
 */
class ImportRefusalTest {

    @Test
    void aRecordTheRulesRefuseIsRecordedRefusedOnceAndImportingTheFileAgainAppendsNothing(@TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("records.csv"), "1,accepted\n2,refused\n3,accepted\n");
        try (ConfigurableApplicationContext ledger = ImportCli.start(List.of(
                "--ledger.data-dir=" + dir.resolve("data")))) {
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            Importer.Summary first = ImportCli.importer(ledger).run(new Complaints(), file,
                    Importer.Run.of(dir.resolve("first.csv"), "run-1", 4), null);

            assertThat(first.imported()).isEqualTo(2);
            assertThat(first.rejected()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("first.csv"))).contains("2,0,\"refused by the ledger:");
            assertThat(refusalsOf(jdbc)).containsExactly("refused-2");
            long head = head(jdbc);

            Importer.Summary again = ImportCli.importer(ledger).run(new Complaints(), file,
                    Importer.Run.of(dir.resolve("again.csv"), "run-2", 4), null);

            assertThat(again.imported()).isZero();
            assertThat(again.skipped()).isEqualTo(2);
            assertThat(again.rejected()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("again.csv")))
                    .contains("2,0,\"refused by the ledger when this file was imported before");
            assertThat(head(jdbc)).isEqualTo(head);
            assertThat(refusalsOf(jdbc)).containsExactly("refused-2");
        }
    }

    /** The refusals' streams, as {@code refusal-import-<file>-<record>} with the file's digest left out. */
    private static List<String> refusalsOf(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT aggregateidentifier FROM domainevententry WHERE type = 'CommandRefusal'",
                String.class).stream().map(stream -> stream.replaceFirst("^refusal-import-[0-9a-f]{16}-", "")).toList();
    }

    private static long head(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
    }

    /** {@code id,accepted|refused} per line, no header. */
    private static final class Complaints implements SourceFormat {
        private static final Instant RECEIVED = Instant.parse("2020-03-18T04:00:00Z");

        @Override
        public String name() {
            return "test";
        }

        @Override
        public void read(DelimitedFile file, Settings settings, Consumer<Record> records, Rejects rejects)
                throws IOException {
            for (Row row = file.next(); row != null; row = file.next()) {
                Row.Record fields = (Row.Record) row;
                String id = fields.fields().get(0);
                boolean refused = fields.fields().get(1).equals("refused");
                ComplaintId complaint = new ComplaintId(fields.fields().get(1) + "-" + id);
                CustomerId customer = new CustomerId("customer-" + id);
                LodgeComplaint lodge = new LodgeComplaint(complaint, customer, List.of(), Channel.WEB_FORM,
                        "Mortgage", null, "Fees", null, null, null, Jurisdiction.US_CFPB, ServiceRegime.GENERAL,
                        RECEIVED);
                ComplaintSourceRecorded source = new ComplaintSourceRecorded(complaint, customer, "TEST", id, "A Bank",
                        "Web", null, null, null, null, null, null, null, null, null, RECEIVED);
                records.accept(new Record(id, row.line(), complaint.value(), customer.value(), new ImportComplaint(
                        lodge, source, refused ? List.of(new AcceptResolution(complaint, null, RECEIVED)) : List.of())));
            }
        }
    }
}
