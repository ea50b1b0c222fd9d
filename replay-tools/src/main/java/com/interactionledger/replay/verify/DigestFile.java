package com.interactionledger.replay.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.ledger.stored.LedgerDigest;
import com.interactionledger.replay.ReadSnapshot;
import com.interactionledger.replay.ReplayJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Digests as a regulator keeps them: JSON Lines, one {@link LedgerDigest} per line
 * ({@code {"position":…,"chainHash":"…","events":…,"recordedAt":"…"}}), in position order.
 */
public final class DigestFile {

    private static final ObjectMapper JSON = ReplayJson.MAPPER;

    private DigestFile() {
    }

    /**
     * The digests the ledger recorded, and its head as it stands (stamped with the head event's own time) when the
     * head is later than the last recorded digest, read in one snapshot.
     */
    public static List<LedgerDigest> current(Connection connection) throws SQLException {
        return ReadSnapshot.<List<LedgerDigest>, RuntimeException>read(connection, () -> {
            List<LedgerDigest> digests = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT globalindex, chain_hash, events, recorded_at FROM ledger_digest ORDER BY globalindex");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    digests.add(new LedgerDigest(rows.getLong(1), rows.getString(2), rows.getLong(3),
                            instant(rows.getTimestamp(4))));
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT l.globalindex, l.chain_hash, (SELECT COUNT(*) FROM ledger_chain), e.timestamp
                    FROM ledger_chain l LEFT JOIN domainevententry e ON e.globalindex = l.globalindex
                    WHERE l.globalindex = (SELECT MAX(globalindex) FROM ledger_chain)""");
                 ResultSet row = statement.executeQuery()) {
                long lastRecorded = digests.isEmpty() ? 0 : digests.get(digests.size() - 1).position();
                if (row.next() && row.getLong(1) > lastRecorded) {
                    String at = row.getString(4);
                    digests.add(new LedgerDigest(row.getLong(1), row.getString(2), row.getLong(3),
                            at == null ? null : Instant.parse(at)));
                }
            }
            return digests;
        });
    }

    public static void write(List<LedgerDigest> digests, Writer out) throws IOException {
        for (LedgerDigest digest : digests) {
            out.write(JSON.writeValueAsString(digest));
            out.write('\n');
        }
        out.flush();
    }

    /** Reads a kept file; a line that is not a well-formed digest stops the reading with its line number. */
    public static List<LedgerDigest> read(Path file) throws IOException {
        List<LedgerDigest> digests = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                LedgerDigest digest;
                try {
                    digest = JSON.readValue(line, LedgerDigest.class);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + " line " + number + " is not a digest: "
                            + e.getOriginalMessage(), e);
                }
                if (digest.chainHash() == null || !digest.chainHash().matches("[0-9a-f]{64}")
                        || digest.position() < 1 || digest.events() < 1) {
                    throw new IllegalArgumentException(file + " line " + number
                            + " is not a digest: needs a position and events above 0 and a chainHash of 64 hex digits");
                }
                digests.add(digest);
            }
        }
        return digests;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
