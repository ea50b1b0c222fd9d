package com.interactionledger.ledger.sealing;

import com.interactionledger.contracts.privacy.CustomerErasedException;
import com.interactionledger.ledger.stored.Placeholders;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key per customer, stored wrapped by a {@link MasterKeys master key} in {@code ledger_customer_key}.
 * Erasing a customer destroys their key (the row keeps a tombstone: no key material, the time of destruction), so
 * every ciphertext sealed with it becomes unreadable for good while the events that hold it stay as they were.
 * <p>
 * Connections come from the given provider. A key is created (in a transaction of its own) the first time an event
 * needs it, before that event is stored; one made for an event that then fails stays unused and harmless. A key is
 * destroyed in the transaction that stores the erasure, which the append path serialises with every other append.
 * <p>
 * Keys are cached: for sealing, per customer (bounded, least recently used out first), because the append path
 * checks under its head lock, in the same transaction that stores the events, that none of their customers was
 * erased ({@link #erasedAmong}); for decryption, by key id for a short while. A key destroyed on this instance
 * leaves both caches at once; one destroyed on another instance leaves the read cache at the latest when the entry
 * expires (projections scrub erased customers' rows when they reach the erasure event in any case), and what this
 * instance seals with it is refused by that check.
 */
public class CustomerKeys {

    /** A customer's key, named by an id that carries no personal data and travels with every ciphertext. */
    public record Key(String id, SecretKey secret) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private record Cached(Optional<SecretKey> key, long loadedAt) {
    }

    private final ConnectionProvider connections;
    private final MasterKeys masterKeys;
    private final long cacheNanos;
    private final Map<String, Cached> readCache = new ConcurrentHashMap<>();
    private final Map<String, Key> writeCache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Key> eldest) {
            return size() > WRITE_CACHE_SIZE;
        }
    });

    /** Customers whose sealing key is kept in memory; each entry is a few hundred bytes. */
    static final int WRITE_CACHE_SIZE = 10_000;

    /**
     * The key store as configured: {@code masterKeys} in the form {@link MasterKeys#parse} reads (the setting
     * {@code ledger.privacy.master-keys}, or the environment variable {@code LEDGER_MASTER_KEYS}).
     */
    public static CustomerKeys configured(ConnectionProvider connections, String masterKeys, Duration cacheFor) {
        return new CustomerKeys(connections, MasterKeys.parse(masterKeys), cacheFor);
    }

    public CustomerKeys(ConnectionProvider connections, MasterKeys masterKeys, Duration cacheFor) {
        this.connections = connections;
        this.masterKeys = masterKeys;
        this.cacheNanos = cacheFor.toNanos();
    }

    /**
     * The customer's key for sealing new personal data, created (and stored wrapped) on first use, then cached.
     * Whether the customer was erased since is for the append path to check where it decides ({@link #erasedAmong}).
     *
     * @throws CustomerErasedException when the customer's key is known to be destroyed
     */
    public Key forWriting(String customerId) {
        Key cached = writeCache.get(customerId);
        if (cached != null) {
            return cached;
        }
        Key key = storedForWriting(customerId);
        remember(customerId, key);
        return key;
    }

    /**
     * A stored, live key, cached for writing and for reading: the read models of this JVM open what it seals next
     * (an import's new customers), and would otherwise look each key up again, one query each.
     */
    private void remember(String customerId, Key key) {
        writeCache.put(customerId, key);
        readCache.put(key.id(), new Cached(Optional.of(key.secret()), System.nanoTime()));
    }

    private Key storedForWriting(String customerId) {
        return withConnection(connection -> {
            Optional<Key> existing = find(connection, customerId);
            if (existing.isPresent()) {
                return existing.get();
            }
            String keyId = UUID.randomUUID().toString();
            byte[] secret = AesGcm.randomKey();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_customer_key"
                    + " (customer_id, key_id, wrapped_key, master_key_id) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
                insert.setString(1, customerId);
                insert.setString(2, keyId);
                insert.setString(3, wrap(customerId, keyId, secret));
                insert.setString(4, masterKeys.active());
                insert.executeUpdate();
            }
            // Whoever inserted first, the stored key is the customer's key.
            return find(connection, customerId).orElseThrow();
        });
    }

    /**
     * The customer's key for sealing what the read models derive from their data, if they have one; never creates
     * one. Every customer whose events hold personal fields has a key, made before the first of those events was
     * stored; one without a key has only events stored before sealing existed, which hold their text in clear.
     * (A read model must not create keys: it would do so in its processor's transaction, and a batch rolled back
     * would leave this instance sealing with a cached key that was never stored.)
     *
     * @throws CustomerErasedException when the customer's key was destroyed
     */
    public Optional<Key> existing(String customerId) {
        Key cached = writeCache.get(customerId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Key> stored = withConnection(connection -> find(connection, customerId));
        stored.ifPresent(key -> remember(customerId, key));
        return stored;
    }

    /**
     * Makes sure these customers have keys, creating the missing ones together, in one transaction, and caches them
     * all for {@link #forWriting}: a batch of records about new customers (an import) otherwise pays one insert and
     * one commit each. An erased customer is left as it is; writing for them is refused where it always is.
     */
    public void prepareForWriting(Collection<String> customerIds) {
        List<String> wanted = customerIds.stream().distinct().filter(id -> writeCache.get(id) == null).toList();
        if (wanted.isEmpty()) {
            return;
        }
        withConnection(connection -> {
            Set<String> known = new HashSet<>(cacheStored(connection, wanted));
            List<String> missing = wanted.stream().filter(id -> !known.contains(id)).toList();
            if (!missing.isEmpty()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_customer_key"
                        + " (customer_id, key_id, wrapped_key, master_key_id) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")) {
                    for (String customerId : missing) {
                        String keyId = UUID.randomUUID().toString();
                        insert.setString(1, customerId);
                        insert.setString(2, keyId);
                        insert.setString(3, wrap(customerId, keyId, AesGcm.randomKey()));
                        insert.setString(4, masterKeys.active());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
                // Whoever inserted first, the stored key is the customer's key.
                cacheStored(connection, missing);
            }
            return null;
        });
    }

    /** Caches the stored, live keys of these customers for writing; returns the customers that have a row. */
    private List<String> cacheStored(Connection connection, List<String> customerIds) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement select = among(connection, "SELECT customer_id, key_id, wrapped_key, master_key_id,"
                + " destroyed_at FROM ledger_customer_key WHERE TRUE", customerIds)) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String customerId = rows.getString(1);
                    found.add(customerId);
                    if (rows.getTimestamp(5) == null) {
                        String keyId = rows.getString(2);
                        remember(customerId, new Key(keyId, unwrap(customerId, keyId, rows.getString(3),
                                rows.getString(4))));
                    }
                }
            }
        }
        return found;
    }

    /** The key with this id for reading, or empty when it was destroyed (the customer was erased). */
    public Optional<SecretKey> forReading(String keyId) {
        long now = System.nanoTime();
        Cached cached = readCache.get(keyId);
        if (cached != null && now - cached.loadedAt() < cacheNanos) {
            return cached.key();
        }
        Optional<SecretKey> key = withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, wrapped_key,"
                    + " master_key_id FROM ledger_customer_key WHERE key_id = ?")) {
                select.setString(1, keyId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("no customer key " + keyId + " in ledger_customer_key: the"
                                + " key table does not belong to this event store, or rows were removed from it");
                    }
                    String wrapped = row.getString(2);
                    return wrapped == null ? Optional.<SecretKey>empty()
                            : Optional.of(unwrap(row.getString(1), keyId, wrapped, row.getString(3)));
                }
            }
        });
        readCache.put(keyId, new Cached(key, now));
        return key;
    }

    /**
     * Which of these customers were erased (their key destroyed), read from the store on the caller's connection:
     * one query for all of them. The append path asks this under its head lock, in the transaction that stores a
     * batch, for the customers of the batch.
     */
    public Set<String> erasedAmong(Connection transaction, Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        return onConnection(transaction, connection -> {
            Set<String> erased = new HashSet<>();
            try (PreparedStatement select = among(connection, "SELECT customer_id FROM ledger_customer_key"
                    + " WHERE destroyed_at IS NOT NULL", customerIds)) {
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        erased.add(rows.getString(1));
                    }
                }
            }
            return erased;
        });
    }

    /**
     * Destroys the customer's key, on the caller's connection (the append path's, in the transaction that stores the
     * erasure): the wrapped key material is overwritten with nothing, and a tombstone remains so no new key is ever
     * made for them. A customer who never had a key gets the tombstone alone.
     */
    public void destroy(Connection transaction, String customerId, Instant at) {
        onConnection(transaction, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ledger_customer_key"
                    + " SET wrapped_key = NULL, master_key_id = NULL, destroyed_at = ? WHERE customer_id = ?")) {
                update.setTimestamp(1, Timestamp.from(at));
                update.setString(2, customerId);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_customer_key"
                            + " (customer_id, key_id, destroyed_at) VALUES (?, ?, ?)")) {
                        insert.setString(1, customerId);
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setTimestamp(3, Timestamp.from(at));
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
        readCache.clear();
        writeCache.remove(customerId);
    }

    /** The id of the master key that wraps new customer keys (and that {@link #rewrap()} moves every key under). */
    public String activeMasterKeyId() {
        return masterKeys.active();
    }

    /**
     * Re-wraps every live customer key that another master key wraps with the active one (the step between adding
     * a new master key and removing the old one). Returns how many keys were re-wrapped.
     */
    public int rewrap() {
        return withConnection(connection -> {
            record Wrapped(String customerId, String keyId, String wrapped, String masterKeyId) {
            }
            List<Wrapped> stale = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, key_id, wrapped_key,"
                    + " master_key_id FROM ledger_customer_key WHERE wrapped_key IS NOT NULL AND master_key_id <> ?")) {
                select.setString(1, masterKeys.active());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stale.add(new Wrapped(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4)));
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE ledger_customer_key"
                    + " SET wrapped_key = ?, master_key_id = ? WHERE key_id = ? AND wrapped_key IS NOT NULL")) {
                for (Wrapped key : stale) {
                    byte[] secret = unwrap(key.customerId(), key.keyId(), key.wrapped(), key.masterKeyId())
                            .getEncoded();
                    update.setString(1, wrap(key.customerId(), key.keyId(), secret));
                    update.setString(2, masterKeys.active());
                    update.setString(3, key.keyId());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return stale.size();
        });
    }

    private Optional<Key> find(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT key_id, wrapped_key, master_key_id,"
                + " destroyed_at FROM ledger_customer_key WHERE customer_id = ?")) {
            select.setString(1, customerId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                if (row.getTimestamp(4) != null) {
                    throw new CustomerErasedException(customerId);
                }
                String keyId = row.getString(1);
                return Optional.of(new Key(keyId, unwrap(customerId, keyId, row.getString(2), row.getString(3))));
            }
        }
    }

    /** {@code query} (which has a WHERE clause) narrowed to these customers, their ids set. */
    private static PreparedStatement among(Connection connection, String query, Collection<String> customerIds)
            throws SQLException {
        PreparedStatement select = connection.prepareStatement(query + " AND customer_id IN ("
                + Placeholders.of(customerIds.size()) + ")");
        int index = 1;
        for (String customerId : customerIds) {
            select.setString(index++, customerId);
        }
        return select;
    }

    private String wrap(String customerId, String keyId, byte[] secret) {
        return Base64.getEncoder().encodeToString(
                AesGcm.encrypt(masterKeys.activeKey(), secret, wrapping(customerId, keyId)));
    }

    private SecretKey unwrap(String customerId, String keyId, String wrapped, String masterKeyId) {
        byte[] secret = AesGcm.decrypt(masterKeys.key(masterKeyId), Base64.getDecoder().decode(wrapped),
                wrapping(customerId, keyId));
        return new SecretKeySpec(secret, "AES");
    }

    /** A wrapped key moved to another customer's row does not unwrap. */
    private static String wrapping(String customerId, String keyId) {
        return "customer-key|" + customerId + "|" + keyId;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection connection = connections.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Work on a connection the caller owns (and closes). */
    private static <T> T onConnection(Connection connection, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("the customer key store could not be read or written: " + e.getMessage(), e);
    }
}
