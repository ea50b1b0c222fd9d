package com.interactionledger.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a conversation is about, recorded explicitly over HTTP: the source of each identification is whoever the token
 * proves (the channel's bot, a classifier, an agent), never what the body says, and the figures go by the last one.
 */
class ProductIdentificationApiTest extends PostgresLedgerTest {

    @Test
    void eachIdentificationNamesItsProvenSourceAndTheFiguresGoByTheLast() {
        accepted(bot().post("/sessions", json("sessionId", "product-chat", "customerId", "product-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")));
        accepted(bot().post("/sessions/product-chat/product", json("product", "credit_card", "confidence", 0.7)));
        accepted(http.as("SYSTEM", "product-classifier").post("/sessions/product-chat/product",
                json("product", "debit_card", "confidence", 0.9)));
        accepted(http.as("AGENT", "product-agent").post("/sessions/product-chat/product",
                json("product", "current_account", "subProduct", "overdraft", "confidence", 0.99)));

        assertThat(http.as("SYSTEM", "knowledge-base").post("/sessions/product-chat/product",
                json("product", "mortgage")).code()).as("a machine not configured for it").isEqualTo("FORBIDDEN");
        assertThat(http.as("AGENT", "product-agent").post("/sessions/product-chat/product",
                json("product", "Credit Card!")).code()).isEqualTo("VALIDATION_FAILED");

        List<String> identified = jdbc.queryForList("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'source' || ' '"
                + " || (convert_from(payload, 'UTF8')::jsonb ->> 'identifiedBy') || ' '"
                + " || (convert_from(payload, 'UTF8')::jsonb ->> 'product') || ' '"
                + " || coalesce(convert_from(payload, 'UTF8')::jsonb ->> 'confidence', '-') FROM domainevententry"
                + " WHERE aggregateidentifier = 'product-chat' AND payloadtype LIKE '%ProductIdentified'"
                + " ORDER BY sequencenumber", String.class);
        assertThat(identified).containsExactly("BOT " + TestInstallation.BOT + " credit_card 0.7",
                "CLASSIFIER product-classifier debit_card 0.9", "AGENT product-agent current_account -");

        awaitReadModelsCaughtUp();
        LedgerHttp analyst = http.as("ANALYST", "product-analyst");
        assertThat(analyst.get("/analytics/service-efficiency?product=current_account").data().path("overall")
                .path("sessions").asLong()).isEqualTo(1);
        assertThat(analyst.get("/analytics/service-efficiency?product=credit_card").data().path("overall")
                .path("sessions").asLong()).as("the bot's guess was replaced").isZero();
        assertThat(http.as("AGENT", "product-agent").get("/sessions/product-chat").data().path("entries")
                .findValuesAsText("kind")).contains("PRODUCT_IDENTIFIED");
    }
}
