package com.interactionledger.ledger.sealing;

import com.interactionledger.contracts.privacy.PersonalData;
import com.interactionledger.contracts.privacy.CustomerErased;
import com.interactionledger.contracts.complaint.ComplaintLodged;
import com.interactionledger.contracts.dialogue.IntentRecorded;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where personal data sits in the events, and the sealing it gets. */
class PersonalFieldsTest {

    @Test
    void theMessageTextAndTheAttachmentsReferencesAndNamesArePersonalNotTheMediaType() {
        List<PersonalFields.Field> fields = PersonalFields.of(MessageRecorded.class).fields();
        assertThat(fields).extracting(PersonalFields.Field::name).containsExactly("text", "attachments");
        PersonalFields.Field attachments = fields.get(1);
        assertThat(attachments.list()).isTrue();
        assertThat(attachments.nested().fields()).extracting(PersonalFields.Field::name)
                .containsExactly("reference", "fileName");
        assertThat(PersonalFields.of(ComplaintLodged.class).fields()).extracting(PersonalFields.Field::name)
                .containsExactly("description");
    }

    @Test
    void eventsWithoutFreeTextHaveNoPersonalFields() {
        assertThat(PersonalFields.of(IntentRecorded.class).isEmpty()).isTrue();
        assertThat(PersonalFields.of(CustomerErased.class).isEmpty()).isTrue();
    }

    @Test
    void aMarkOnAFieldThatCannotHoldTextIsAnError() {
        record Wrong(@PersonalData int age) {
        }
        assertThatThrownBy(() -> PersonalFields.of(Wrong.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("age");
    }

    @Test
    void aSealedValueOpensOnlyWithItsKeyAndWhereItWasSealed() {
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        byte[] sealed = AesGcm.encrypt(key, "hello".getBytes(StandardCharsets.UTF_8), "key-1|text");
        assertThat(new String(AesGcm.decrypt(key, sealed, "key-1|text"), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(AesGcm.encrypt(key, "hello".getBytes(StandardCharsets.UTF_8), "key-1|text"))
                .as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> AesGcm.decrypt(key, sealed, "key-1|comment"))
                .isInstanceOf(IllegalStateException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> AesGcm.decrypt(new SecretKeySpec(otherKey, "AES"), sealed, "key-1|text"))
                .isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> AesGcm.decrypt(key, sealed, "key-1|text")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void masterKeysNeverPrintTheirMaterialAndRefuseWrongSizes() {
        MasterKeys keys = MasterKeys.parse(MasterKeys.DEVELOPMENT);
        assertThat(keys.active()).isEqualTo("dev-2026");
        assertThat(keys.toString()).doesNotContain(MasterKeys.DEVELOPMENT.substring("dev-2026:".length()));
        assertThatThrownBy(() -> MasterKeys.parse("short:c2hvcnQ=")).hasMessageContaining("256 bits");
    }
}
