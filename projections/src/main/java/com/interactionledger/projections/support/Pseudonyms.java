package com.interactionledger.projections.support;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.complaint.ComplaintId;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Pseudonymous customer keys for analysts: a keyed hash (HMAC-SHA256) of the customer id. The same customer always
 * gets the same key (figures can be compared across reports and rebuilds); without the secret
 * ({@code ledger.analytics.pseudonym-key}) a key cannot be turned back into a customer.
 */
public final class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("ledger.analytics.pseudonym-key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String keyOf(CustomerId customer) {
        return key("ck-", customer.value());
    }

    /**
     * A complaint's key, for the analysts' lists of complaints (a complaint id would lead back to its customer): the
     * same keyed hash over the complaint id, under a prefix of its own and with its input told apart from a customer
     * id's, so no complaint key equals a customer key.
     */
    public String keyOf(ComplaintId complaint) {
        return key("pk-", "complaint:" + complaint.value());
    }

    private String key(String prefix, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] hash = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(hash, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
