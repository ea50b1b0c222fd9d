package com.interactionledger.command.dialogue;

import com.interactionledger.command.AggregateFixtureSupport;
import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.IdentifyProduct;
import com.interactionledger.contracts.dialogue.ProductIdentified;
import com.interactionledger.contracts.dialogue.ProductSource;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.interactionledger.command.dialogue.SessionScenarios.*;

/** What a conversation is about, and who said so: the source follows from the proven caller, never a claim. */
class ProductIdentificationTest extends AggregateFixtureSupport<InteractionSession> {

    ProductIdentificationTest() {
        super(SessionScenarios::newFixture, DialogueRuleViolation.class);
    }

    private static IdentifyProduct identify(String product, Double confidence, Caller caller) {
        return new IdentifyProduct(SESSION, null, product, null, confidence, caller, NOW);
    }

    @Test
    void givenBotHandlingWhenTheChannelsBotNamesTheProductThenItIsTheBotsWithItsConfidence() {
        fixture.given(botHandling())
                .when(identify("credit_card", 0.8, CHAT_BOT))
                .expectEvents(new ProductIdentified(SESSION, CUSTOMER, "credit_card", null, ProductSource.BOT, BOT_ID,
                        0.8, NOW));
    }

    @Test
    void givenClosedWhenAnAgentNamesTheProductOnReviewThenItIsTheAgentsWithoutAConfidence() {
        fixture.given(closed())
                .when(identify("debit_card", 0.99, Caller.person(AGENT_1.value(), AccessRole.AGENT)))
                .expectEvents(new ProductIdentified(SESSION, CUSTOMER, "debit_card", null, ProductSource.AGENT,
                        AGENT_1.value(), null, NOW));
    }

    @Test
    void givenWithAgentWhenAMachineThatIsNoBotHereNamesItThenItIsAClassifiers() {
        Caller otherChannelsBot = new Caller("wechat-bot", AccessRole.SYSTEM, Set.of(), Set.of(Channel.SOCIAL));
        fixture.given(withAgent())
                .when(identify("mortgage", 0.6, otherChannelsBot))
                .expectEvents(new ProductIdentified(SESSION, CUSTOMER, "mortgage", null, ProductSource.CLASSIFIER,
                        "wechat-bot", 0.6, NOW));
    }

    @Test
    void givenBotHandlingWhenNoCallerIsProvenThenRefused() {
        expectRefused(botHandling(), identify("mortgage", null, null), ErrorCode.AUTHOR_NOT_ALLOWED);
    }
}
