package com.interactionledger.tools.importing;

import com.interactionledger.tools.demo.EmbeddedDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code scripts/import.sh banking77} as a user runs it, on the embedded default: without {@code --occurred-at} the
 * file is refused whole and nothing is written; with it, each good row is a session of three events and a bad one
 * goes to the reject file.
 */
class Banking77ImportCliTest {

    @Test
    void withoutOccurredAtTheFileIsRefusedAndNothingIsWrittenWithItEachGoodRowIsImported(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("test.csv"), "text,category\n"
                + "Where is my card?,card_arrival\n"
                + "How do I top up?,\n"
                + "\"My card, it was stolen\",lost_or_stolen_card\n");
        String data = "--ledger.data-dir=" + dir.resolve("data");

        assertThatThrownBy(() -> ImportCli.run(null, "banking77", "--file", file.toString(), "--rejects",
                dir.resolve("r1.csv").toString(), data))
                .isInstanceOf(Importer.FileRefused.class)
                .hasMessageContaining("nothing was imported")
                .hasMessageContaining("--occurred-at");
        assertThat(eventsIn(dir)).isZero();

        Importer.Summary summary = ImportCli.run(null, "banking77", "--file", file.toString(), "--occurred-at",
                "2020-03-11", "--rejects", dir.resolve("r2.csv").toString(), data);

        assertThat(summary.imported()).isEqualTo(2);
        assertThat(Files.readAllLines(dir.resolve("r2.csv"))).containsExactly("file,line,column,reason",
                "\"test.csv\",3,2,\"category (column 2): is empty\"");
        // per utterance: the session started, the customer's message, its intent
        assertThat(eventsIn(dir)).isEqualTo(6);
    }

    private static long eventsIn(Path dir) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedDefault.url(dir.resolve("data")), "sa", "");
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM domainevententry")) {
            count.next();
            return count.getLong(1);
        }
    }
}
