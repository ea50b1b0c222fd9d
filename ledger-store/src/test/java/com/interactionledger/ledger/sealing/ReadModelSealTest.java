package com.interactionledger.ledger.sealing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.interactionledger.contracts.dialogue.MessageRecorded;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import static com.interactionledger.ledger.sealing.PersonalDataSerializer.ERASED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Personal text sealed in the read models: deterministic (a replay writes the same bytes), opened only where it was
 * sealed and under its own key, and shredded with the key. The customers' keys are real ones, in the key table the
 * store's own migration creates (an in-memory database).
 */
class ReadModelSealTest {

    private static final String CONTENT = "timeline_entry.content";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String url;
    private CustomerKeys keys;
    private ReadModelSeal seal;

    @BeforeEach
    void keyTable() throws IOException, SQLException {
        url = "jdbc:h2:mem:seal-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        String migration;
        try (InputStream sql = getClass().getResourceAsStream("/db/ledger/common/V10__customer_keys.sql")) {
            migration = new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(migration);
        }
        ConnectionProvider connections = () -> DriverManager.getConnection(url);
        keys = CustomerKeys.configured(connections, MasterKeys.DEVELOPMENT, Duration.ofSeconds(30));
        seal = new ReadModelSeal(keys);
        keys.forWriting("cust-1"); // as the customer's first event did
        keys.forWriting("cust-2");
    }

    @Test
    void theSameTextSealedAgainForTheSamePurposeIsTheSameValueAndOpensToTheText() {
        String sealed = seal.seal("cust-1", CONTENT, "my card ending 4242 was charged twice");

        assertThat(sealed).startsWith("rm1:" + keys.forWriting("cust-1").id() + ":").doesNotContain("4242");
        assertThat(seal.seal("cust-1", CONTENT, "my card ending 4242 was charged twice"))
                .as("a replay writes the same bytes").isEqualTo(sealed);
        assertThat(new ReadModelSeal(keys).sealerFor("cust-1").seal(CONTENT, "my card ending 4242 was charged twice"))
                .as("on any instance").isEqualTo(sealed);
        assertThat(seal.opener().open(CONTENT, sealed)).isEqualTo("my card ending 4242 was charged twice");

        assertThat(seal.seal("cust-1", CONTENT, "my card ending 4243 was charged twice")).isNotEqualTo(sealed);
        assertThat(seal.seal("cust-1", "timeline_session.handoff_context", "my card ending 4242 was charged twice"))
                .isNotEqualTo(sealed);
        assertThat(seal.seal("cust-2", CONTENT, "my card ending 4242 was charged twice")).isNotEqualTo(sealed);
        assertThat(seal.seal("cust-1", CONTENT, "")).as("empty text is text too").startsWith("rm1:");
        assertThat(seal.opener().open(CONTENT, seal.seal("cust-1", CONTENT, "投诉 ✓"))).isEqualTo("投诉 ✓");
    }

    @Test
    void differentTextsNeverShareANonce() {
        ReadModelSeal.Sealer sealer = seal.sealerFor("cust-1");
        byte[] one = sealedBytes(sealer.seal(CONTENT, "text one"));
        byte[] two = sealedBytes(sealer.seal(CONTENT, "text two"));
        assertThat(Arrays.copyOf(one, 12)).isNotEqualTo(Arrays.copyOf(two, 12));
    }

    @Test
    void aValueAlteredOrMovedToAnotherPurposeOrRelabelledWithAnotherKeyDoesNotOpen() {
        String sealed = seal.seal("cust-1", CONTENT, "charged twice");
        ReadModelSeal.Opener opener = seal.opener();

        assertThatThrownBy(() -> opener.open("complaint_summary.description", sealed))
                .isInstanceOf(IllegalStateException.class);
        byte[] bytes = sealedBytes(sealed);
        bytes[bytes.length - 1] ^= 1;
        String altered = sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> opener.open(CONTENT, altered)).isInstanceOf(IllegalStateException.class);
        String relabelled = sealed.replace(keys.forWriting("cust-1").id(), keys.forWriting("cust-2").id());
        assertThatThrownBy(() -> opener.open(CONTENT, relabelled)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> opener.open(CONTENT, "rm1:no-colon-after-the-key-id"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> opener.open(CONTENT, sealed.substring(0, sealed.lastIndexOf(':') + 1) + "!!"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onceTheKeyIsDestroyedSealedValuesReadAsErasedAndNothingNewIsSealedNorAnyKeyMade() throws SQLException {
        String sealed = seal.seal("cust-1", CONTENT, "charged twice");
        String kept = seal.seal("cust-2", CONTENT, "charged twice");
        try (Connection connection = DriverManager.getConnection(url)) {
            keys.destroy(connection, "cust-1", Instant.parse("2026-12-07T10:00:00Z"));
        }

        assertThat(seal.opener().open(CONTENT, sealed)).isEqualTo(ERASED);
        assertThat(seal.opener().open(CONTENT, kept)).as("another customer's").isEqualTo("charged twice");
        assertThat(seal.seal("cust-1", CONTENT, "charged twice")).as("a late event of the erased customer")
                .isEqualTo(ERASED);
        assertThat(keyRows("cust-1")).as("the tombstone, no new key").isEqualTo("1 destroyed");
    }

    @Test
    void erasedTextAndNothingAreStoredAsTheyAreAndUnsealedValuesReadAsTheyAre() {
        assertThat(seal.seal("cust-1", CONTENT, ERASED)).isEqualTo(ERASED);
        assertThat(seal.seal("cust-1", CONTENT, null)).isNull();
        assertThat(seal.opener().open(CONTENT, ERASED)).isEqualTo(ERASED);
        assertThat(seal.opener().open(CONTENT, null)).isNull();
        assertThat(seal.opener().open(CONTENT, "stored in clear by an older version"))
                .isEqualTo("stored in clear by an older version");
    }

    @Test
    void aCustomerWithoutAKeyHasTheirTextStoredAsItIsAndGetsNoKey() throws SQLException {
        // only events from before sealing existed: their text is in clear in the store already
        assertThat(seal.seal("legacy", CONTENT, "charged twice")).isEqualTo("charged twice");
        assertThat(keyRows("legacy")).isEqualTo("0 keys");
    }

    @Test
    void onlyThePersonalFieldsOfAJsonObjectAreSealedAndAnIdThatLooksSealedIsLeftAlone() throws IOException {
        ObjectNode details = (ObjectNode) JSON.readTree("""
                {"messageId":"rm1:looks:sealed","language":"en","attachments":[{"reference":"s3://uploads/payslip",
                "mediaType":"application/pdf","fileName":"payslip-jane-doe.pdf"}]}""");
        String original = details.toString();

        seal.sealerFor("cust-1").sealPersonal(MessageRecorded.class, details, "timeline_entry.details");
        assertThat(details.path("attachments").get(0).path("reference").asText()).startsWith("rm1:");
        assertThat(details.path("attachments").get(0).path("fileName").asText()).startsWith("rm1:");
        assertThat(details.path("attachments").get(0).path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(details.toString()).doesNotContain("payslip").contains("rm1:looks:sealed");

        seal.opener().openPersonal(MessageRecorded.class, details, "timeline_entry.details");
        assertThat(details.toString()).isEqualTo(original);
    }

    private static byte[] sealedBytes(String sealed) {
        return Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
    }

    private String keyRows(String customer) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*), COUNT(destroyed_at), COUNT(wrapped_key)"
                     + " FROM ledger_customer_key WHERE customer_id = '" + customer + "'")) {
            rows.next();
            int keys = rows.getInt(1);
            return keys == 0 ? "0 keys" : keys + (rows.getInt(2) == keys && rows.getInt(3) == 0 ? " destroyed" : " live");
        }
    }
}
