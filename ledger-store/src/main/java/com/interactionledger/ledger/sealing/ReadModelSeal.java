package com.interactionledger.ledger.sealing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.interactionledger.contracts.privacy.CustomerErasedException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal text in the read models, sealed under the customer's key like the events' personal fields, so that
 * destroying the key (erasure) leaves nothing readable behind in the read models' tables either: not in their live
 * rows, and not in the old row versions, log records and pages a database keeps on disk long after a row was
 * rewritten. A sealed value reads {@code rm1:<key id>:<base64 nonce+ciphertext+tag>}.
 * <p>
 * <b>Deterministic</b>, because a replay must give the read models byte for byte: the same text sealed for the same
 * purpose under the same key is always the same value. The nonce is synthetic (SIV): the first 96 bits of
 * HMAC-SHA256 over the associated data and the text, under a key of its own, so the same text gets the same nonce
 * and two different texts never share one. What that reveals, and only to someone who can read the tables, is
 * which values of one customer, in one column, are equal. Both keys are derived from the customer's key
 * (HKDF-Expand with labels of their own), never the customer's key itself, whose random-nonce ciphertexts in the
 * events must never meet a derived nonce.
 * <p>
 * The associated data names the key and the purpose (the table and column, or the path in a JSON column), so a value
 * moved to another column or relabelled with another key id does not open. A value that is not sealed (a read model
 * written before sealing, a customer without a key, the text {@link PersonalDataSerializer#ERASED}) reads as it is:
 * a reset or replay of the read models seals what an older version stored in clear.
 */
public final class ReadModelSeal {

    static final String PREFIX = "rm1:";

    private static final String ENCRYPTION_LABEL = "interaction-ledger read models rm1 encryption";
    private static final String NONCE_LABEL = "interaction-ledger read models rm1 synthetic nonce";

    private final CustomerKeys keys;

    public ReadModelSeal(CustomerKeys keys) {
        this.keys = keys;
    }

    /** Whether a stored value is sealed (and so opens only with its customer's key). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /**
     * The sealer of one customer's values, with their key looked up once (from the key store's cache, which a
     * customer's first seal fills). A customer erased since gets values sealed as {@link PersonalDataSerializer#ERASED}
     * and no key is ever made for them; a customer without a key (only events from before sealing) gets their text
     * as it is.
     */
    public Sealer sealerFor(String customerId) {
        try {
            return keys.existing(customerId).map(key -> new Sealer(key.id(), Derived.of(key.secret())))
                    .orElse(Sealer.IN_CLEAR);
        } catch (CustomerErasedException erased) {
            return Sealer.ERASED;
        }
    }

    /** One value of one customer, sealed for a purpose (see {@link Sealer#seal}). */
    public String seal(String customerId, String purpose, String text) {
        return text == null || PersonalDataSerializer.ERASED.equals(text) ? text
                : sealerFor(customerId).seal(purpose, text);
    }

    /**
     * An opener for one answer (a page of rows): each key it meets is looked up once. Not for sharing between
     * threads, nor for keeping: a key destroyed after it was looked up would still open values here.
     */
    public Opener opener() {
        return new Opener();
    }

    /** Seals one customer's values. */
    public static final class Sealer {

        static final Sealer ERASED = new Sealer(null, null);
        static final Sealer IN_CLEAR = new Sealer(null, null);

        private final String keyId;
        private final Derived derived;

        private Sealer(String keyId, Derived derived) {
            this.keyId = keyId;
            this.derived = derived;
        }

        /**
         * The value to store for {@code text}: sealed, or null for null, or {@link PersonalDataSerializer#ERASED} as
         * it is (a replay after the erasure reads the text so, and it is not personal).
         *
         * @param purpose where the value is stored, e.g. {@code timeline_entry.content}: it opens only there
         */
        public String seal(String purpose, String text) {
            if (text == null || PersonalDataSerializer.ERASED.equals(text) || this == IN_CLEAR) {
                return text;
            }
            if (this == ERASED) {
                return PersonalDataSerializer.ERASED;
            }
            byte[] plain = text.getBytes(StandardCharsets.UTF_8);
            String associatedData = associatedData(keyId, purpose);
            byte[] sealed = AesGcm.encrypt(derived.encryption(), derived.nonce(associatedData, plain), plain,
                    associatedData);
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(sealed);
        }

        /**
         * Seals, in place, the personal text of a JSON object holding fields of a record of this type (those of its
         * components marked {@code @PersonalData}, followed into nested records and lists of them); each value's
         * purpose is {@code purpose} followed by its path, e.g. {@code timeline_entry.details.attachments[].fileName}.
         */
        public ObjectNode sealPersonal(Class<?> type, ObjectNode tree, String purpose) {
            PersonalFields.of(type).rewrite(tree, purpose + ".", (value, where) -> seal(where, value));
            return tree;
        }
    }

    /** Opens sealed values of any customer, each key looked up once. */
    public final class Opener {

        private final Map<String, Optional<Derived>> byKeyId = new HashMap<>();

        private Opener() {
        }

        /**
         * The text of a stored value: opened if it is sealed, {@link PersonalDataSerializer#ERASED} once its key is
         * destroyed, as it is otherwise.
         *
         * @throws IllegalStateException when a sealed value does not open under its key for this purpose (altered,
         *                               or moved from elsewhere)
         */
        public String open(String purpose, String stored) {
            if (!isSealed(stored)) {
                return stored;
            }
            int colon = stored.indexOf(':', PREFIX.length());
            if (colon < 0) {
                throw new IllegalStateException("malformed sealed read-model value (" + purpose + ")");
            }
            String keyId = stored.substring(PREFIX.length(), colon);
            Optional<Derived> derived = byKeyId.computeIfAbsent(keyId,
                    id -> keys.forReading(id).map(Derived::of));
            if (derived.isEmpty()) {
                return PersonalDataSerializer.ERASED;
            }
            byte[] sealed;
            try {
                sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("malformed sealed read-model value (" + purpose + ")", e);
            }
            if (sealed.length < AesGcm.NONCE_BYTES) {
                throw new IllegalStateException("malformed sealed read-model value (" + purpose + ")");
            }
            return new String(AesGcm.decrypt(derived.get().encryption(), sealed, associatedData(keyId, purpose)),
                    StandardCharsets.UTF_8);
        }

        /** Opens, in place, what {@link Sealer#sealPersonal} sealed in a JSON object of this type. */
        public ObjectNode openPersonal(Class<?> type, ObjectNode tree, String purpose) {
            PersonalFields.of(type).rewrite(tree, purpose + ".", (value, where) -> open(where, value));
            return tree;
        }
    }

    private static String associatedData(String keyId, String purpose) {
        return "read-model|" + keyId + "|" + purpose;
    }

    /** The two keys derived from a customer's key: one encrypts, one makes the synthetic nonces. */
    private record Derived(SecretKey encryption, SecretKey nonces) {

        static Derived of(SecretKey customerKey) {
            return new Derived(new SecretKeySpec(expand(customerKey, ENCRYPTION_LABEL), "AES"),
                    new SecretKeySpec(expand(customerKey, NONCE_LABEL), "HmacSHA256"));
        }

        /** The nonce of this text for this associated data: HMAC(length of the data, the data, the text), 96 bits. */
        byte[] nonce(String associatedData, byte[] plain) {
            byte[] data = associatedData.getBytes(StandardCharsets.UTF_8);
            Mac mac = hmac(nonces);
            // The length first, so that where the associated data ends and the text begins is never ambiguous.
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(data.length).array());
            mac.update(data);
            mac.update(plain);
            return Arrays.copyOf(mac.doFinal(), AesGcm.NONCE_BYTES);
        }

        /** HKDF-Expand (RFC 5869) for one 256-bit block; the customer's key is uniformly random, so it is the PRK. */
        private static byte[] expand(SecretKey customerKey, String label) {
            Mac mac = hmac(new SecretKeySpec(customerKey.getEncoded(), "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        }

        /**
         * One HMAC-SHA256 per thread, initialised for each use: {@code Mac.getInstance} searches the security
         * providers on every call, three times per customer a read model seals for (as {@link AesGcm} keeps its
         * ciphers).
         */
        private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
            try {
                return Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        });

        private static Mac hmac(SecretKey key) {
            try {
                Mac mac = HMAC.get();
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        }

        @Override
        public String toString() {
            return "Derived[keys not shown]";
        }
    }
}
