package com.interactionledger.deploy;

import com.interactionledger.ledger.sealing.PersonalDataSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill of "erasure reaches the bytes on disk", on PostgreSQL: a customer's texts are recorded, the customer is
 * erased, the read models apply the erasure, a CHECKPOINT writes every page, and then the files of the test's
 * database (its relations: old row versions are still in them until a vacuum) and the server's write-ahead log are
 * searched for the texts' bytes: none may be there. Read models hold personal text sealed under the customer's key,
 * as the events do, so destroying the key leaves nothing readable behind. The same search finds a value that is in
 * clear in the same rows (the message's id), so a miss means the text is not there, not that the search saw nothing.
 * <p>
 * Run against the read models of before (which held the decrypted text and rewrote it as "[erased]" on erasure), this
 * drill found the message text, the handoff context and the complaint description in the database's files after
 * the erasure.
 */
class ErasureOnDiskTest extends PostgresLedgerTest {

    @Test
    void afterAnErasureAndACheckpointNeitherTheDatabaseFilesNorTheWalHoldTheCustomersTexts() throws Exception {
        // A marker of this run only: other tests (and other test JVMs) share the server and its write-ahead log.
        String run = "ERASED-ON-DISK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String customer = run.toLowerCase(Locale.ROOT);
        String chat = customer + "-chat";
        String messageId = customer + "-m1";
        // The write-ahead log from here on: older segments cannot hold this run's texts, and there may be a gigabyte.
        String firstWalSegment = jdbc.queryForObject("SELECT pg_walfile_name(pg_current_wal_lsn())", String.class);
        List<String> personal = List.of(run + "-TEXT", run + "-ATTACHMENT-REF", run + "-FILE-NAME",
                run + "-HANDOFF-REASON", run + "-HANDOFF-CONTEXT", run + "-COMPLAINT");

        accepted(bot().post("/sessions", json("sessionId", chat, "customerId", customer, "channel", "WEB_CHAT",
                "entryPoint", "web")));
        accepted(gateway().post("/sessions/" + chat + "/messages", json("messageId", messageId,
                "authorRole", "CUSTOMER", "text", "message " + personal.get(0), "language", "en-GB",
                "attachments", List.of(Map.of("reference", "s3://uploads/" + personal.get(1),
                        "mediaType", "application/pdf", "fileName", personal.get(2) + ".pdf")))));
        accepted(bot().post("/sessions/" + chat + "/handoff", json("queue", "cards",
                "reason", "reason " + personal.get(3), "contextSummary", "context " + personal.get(4))));
        accepted(http.as("AGENT", "disk-agent").post("/complaints", json("complaintId", customer + "-complaint",
                "customerId", customer, "sessions", new String[] {chat}, "channel", "WEB_CHAT",
                "product", "credit_card", "category", "fees", "description", "complaint " + personal.get(5),
                "jurisdiction", "UK_FCA")));
        awaitReadModelsCaughtUp();
        assertThat(http.as("AGENT", "disk-agent").get("/sessions/" + chat).raw().body())
                .as("the agent reads the texts before the erasure").contains(personal.subList(0, 5));
        assertThat(http.as("AGENT", "disk-agent").get("/complaints/" + customer + "-complaint").raw().body())
                .contains(personal.get(5));

        accepted(erase(customer, "GDPR Art. 17(1)(a)"));
        awaitReadModelsCaughtUp();
        assertThat(http.as("AGENT", "disk-agent").get("/sessions/" + chat).raw().body())
                .contains(PersonalDataSerializer.ERASED).doesNotContain(run);
        assertThat(http.as("AGENT", "disk-agent").get("/complaints/" + customer + "-complaint").raw().body())
                .contains(PersonalDataSerializer.ERASED).doesNotContain(run);

        jdbc.execute("CHECKPOINT");
        List<String> strings = new ArrayList<>(personal);
        strings.add(messageId);
        List<BytesOnDisk> searches = searchDatabaseFiles(strings, firstWalSegment);

        assertThat(searches).as("the files were read one way or another").isNotEmpty();
        for (BytesOnDisk search : searches) {
            assertThat(search.filesHolding(messageId)).as("the search finds a value stored in clear (" + search + ")")
                    .isNotEmpty();
            assertThat(search.holding(personal)).as("the customer's texts on disk (" + search + ")").isEmpty();
        }
    }

    /**
     * The database's files and the write-ahead log, read directly where this JVM may read the server's data
     * directory (a test run as root or as the server's own user, on the same machine), and through the server
     * ({@code pg_ls_dir}, {@code pg_read_binary_file}: a superuser or a member of {@code pg_read_server_files}) where
     * it may: each way that works is a search of its own, and both must agree. A test that can read neither fails.
     * Of the log, the segments from {@code firstWalSegment} on (segment names sort in the order they are written).
     */
    private List<BytesOnDisk> searchDatabaseFiles(List<String> strings, String firstWalSegment) {
        Path dataDirectory = Path.of(jdbc.queryForObject("SHOW data_directory", String.class));
        String database = "base/" + jdbc.queryForObject(
                "SELECT oid FROM pg_database WHERE datname = current_database()", Long.class);
        List<String> directories = List.of(database, "pg_wal");
        List<BytesOnDisk> searches = new ArrayList<>();
        List<String> refusals = new ArrayList<>();

        if (directories.stream().allMatch(directory -> Files.isReadable(dataDirectory.resolve(directory)))) {
            BytesOnDisk direct = new BytesOnDisk(strings)
                    .searchUnder(directories.stream().map(dataDirectory::resolve).toList(), file -> !file.startsWith(
                            dataDirectory.resolve("pg_wal")) || isWalSegmentFrom(file.getFileName().toString(),
                            firstWalSegment));
            System.out.println("Searched " + directories + " of " + dataDirectory + " directly: " + direct);
            searches.add(direct);
        } else {
            refusals.add("this JVM's user may not read " + dataDirectory);
        }
        try {
            BytesOnDisk throughServer = new BytesOnDisk(strings);
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                for (String directory : directories) {
                    readThroughServer(connection, directory, throughServer,
                            name -> !directory.equals("pg_wal") || isWalSegmentFrom(name, firstWalSegment));
                }
                return null;
            });
            System.out.println("Searched " + directories + " through the server: " + throughServer);
            searches.add(throughServer);
        } catch (RuntimeException e) {
            refusals.add("the server did not read its files for this user: " + e.getMessage());
            System.out.println("Could not search " + directories + " through the server: " + e.getMessage());
        }
        assertThat(searches).as("the database files could not be read: " + refusals).isNotEmpty();
        return searches;
    }

    private static boolean isWalSegmentFrom(String name, String first) {
        return name.matches("[0-9A-F]{24}") && name.compareTo(first) >= 0;
    }

    private static void readThroughServer(Connection connection, String directory, BytesOnDisk search,
                                          Predicate<String> which) throws SQLException {
        Map<String, Long> files = new LinkedHashMap<>();
        try (PreparedStatement list = connection.prepareStatement("SELECT name, (pg_stat_file(? || '/' || name, true))"
                + ".size FROM pg_ls_dir(?) AS name WHERE NOT (pg_stat_file(? || '/' || name, true)).isdir")) {
            list.setString(1, directory);
            list.setString(2, directory);
            list.setString(3, directory);
            try (ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    if (which.test(rows.getString(1))) {
                        files.put(directory + "/" + rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT pg_read_binary_file(?, 0, ?, true)")) {
            for (Map.Entry<String, Long> file : files.entrySet()) {
                read.setString(1, file.getKey());
                read.setLong(2, file.getValue());
                try (ResultSet row = read.executeQuery()) {
                    byte[] content = row.next() ? row.getBytes(1) : null;
                    if (content != null) { // null: removed since it was listed (a recycled WAL segment)
                        search.search(file.getKey(), content);
                    }
                }
            }
        }
    }
}
