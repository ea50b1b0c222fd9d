package com.interactionledger.ledger.sealing;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys that wrap the customers' keys, by id, and which of them wraps new keys. Keys come from
 * configuration (never from the database that holds what they protect). Rotation: add a new key, make it active,
 * re-wrap ({@link CustomerKeys#rewrap()}), then remove the old one.
 *
 * @param active the id of the key that wraps new customer keys and re-wrapped ones
 * @param keys   every key still needed to unwrap, by id (256-bit AES)
 */
public record MasterKeys(String active, Map<String, SecretKey> keys) {

    /**
     * The published development key of the embedded default (its application.yml holds the same), also taken by
     * the replay tools when {@code LEDGER_MASTER_KEYS} is not set. Never protects real data: production sets its own.
     */
    public static final String DEVELOPMENT = "dev-2026:ZGV2ZWxvcG1lbnQtb25seS1rZXktZG8tbm90LXVzZSE=";

    public MasterKeys {
        keys = Map.copyOf(keys);
        if (active == null || !keys.containsKey(active)) {
            throw new IllegalArgumentException("the active master key '" + active + "' is not among the configured"
                    + " master keys " + keys.keySet());
        }
    }

    /** Keys as base64 strings by id, as configuration holds them. */
    public static MasterKeys fromBase64(String active, Map<String, String> encoded) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        encoded.forEach((id, value) -> keys.put(id, aesKey(id, value)));
        return new MasterKeys(active, keys);
    }

    /**
     * Keys in one string, {@code id:base64[,id:base64...]}, the first being the active one (the form the replay
     * tools take from the environment).
     */
    public static MasterKeys parse(String text) {
        Map<String, String> encoded = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("master keys are written id:base64[,id:base64...]");
            }
            encoded.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }
        return fromBase64(encoded.keySet().iterator().next(), encoded);
    }

    SecretKey activeKey() {
        return keys.get(active);
    }

    SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("customer keys are wrapped by master key '" + id + "', which is not"
                    + " configured (configured: " + keys.keySet() + "); re-wrap before removing a master key");
        }
        return key;
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("master key '" + id + "' is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("master key '" + id + "' must be 256 bits (32 bytes), not "
                    + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "MasterKeys[active=" + active + ", ids=" + keys.keySet() + "]";
    }
}
