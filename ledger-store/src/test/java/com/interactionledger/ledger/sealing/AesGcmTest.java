package com.interactionledger.ledger.sealing;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The thread's cipher is used again and again: the same value sealed twice in a row with the same nonce (the read
 * models' deterministic seal) gives the same bytes, and a ciphertext that fails to open leaves the next one openable.
 */
class AesGcmTest {

    private static final SecretKey KEY = new SecretKeySpec(AesGcm.randomKey(), "AES");
    private static final byte[] NONCE = "twelve bytes".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theSameValueSealedTwiceInARowWithTheSameNonceGivesTheSameBytes() {
        byte[] first = AesGcm.encrypt(KEY, NONCE, bytes("我的卡被吞了"), "field");
        byte[] second = AesGcm.encrypt(KEY, NONCE, bytes("我的卡被吞了"), "field");

        assertThat(second).isEqualTo(first);
        assertThat(AesGcm.decrypt(KEY, second, "field")).isEqualTo(bytes("我的卡被吞了"));
    }

    @Test
    void aCiphertextThatDoesNotOpenLeavesTheNextOneOpenable() {
        byte[] sealed = AesGcm.encrypt(KEY, bytes("card retained"), "field");

        assertThatThrownBy(() -> AesGcm.decrypt(KEY, sealed, "another field"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(AesGcm.decrypt(KEY, sealed, "field")).isEqualTo(bytes("card retained"));
        assertThat(AesGcm.decrypt(KEY, AesGcm.encrypt(KEY, bytes("next"), "field"), "field")).isEqualTo(bytes("next"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
