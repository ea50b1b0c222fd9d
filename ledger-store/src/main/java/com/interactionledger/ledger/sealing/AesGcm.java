package com.interactionledger.ledger.sealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM from the JDK's own provider: a fresh 96-bit nonce per encryption (or one derived from the plaintext, for
 * the read models' deterministic sealing), prepended to the ciphertext and its 128-bit tag. The associated data
 * binds a ciphertext to where it belongs (its key id and field), so a ciphertext moved to another field or wrapped
 * key moved to another customer fails to decrypt instead of being misread.
 */
final class AesGcm {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per thread, initialised again for each use: looking a cipher up ({@code Cipher.getInstance}, a
     * search of the security providers) cost as much as the encryption itself in a profile of an import.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(AesGcm::newCipher);

    private AesGcm() {
    }

    static byte[] encrypt(SecretKey key, byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return encrypt(key, nonce, plaintext, associatedData);
    }

    /**
     * With the given nonce, which must never be used again with this key for another plaintext (a random one, or a
     * synthetic one derived from the plaintext itself: {@link ReadModelSeal}).
     */
    static byte[] encrypt(SecretKey key, byte[] nonce, byte[] plaintext, String associatedData) {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("AES-GCM nonces here are " + NONCE_BYTES + " bytes");
        }
        try {
            GCMParameterSpec parameters = new GCMParameterSpec(TAG_BITS, nonce);
            Cipher cipher = CIPHERS.get();
            try {
                cipher.init(Cipher.ENCRYPT_MODE, key, parameters);
            } catch (InvalidAlgorithmParameterException sameKeyAndNonceAsLastTime) {
                // A cipher refuses the key and nonce of its previous encryption (the JDK's guard against nonce
                // reuse); here that is the deterministic seal of the same value again, by design: a new one takes it.
                cipher = newCipher();
                CIPHERS.set(cipher);
                cipher.init(Cipher.ENCRYPT_MODE, key, parameters);
            }
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws IllegalStateException when the ciphertext, its key or its associated data do not match */
    static byte[] decrypt(SecretKey key, byte[] sealed, String associatedData) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 0, NONCE_BYTES)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("personal data does not decrypt under its key (" + associatedData
                    + "): it was altered, or the key is not the one it was sealed with", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES/GCM/NoPadding", e);
        }
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
