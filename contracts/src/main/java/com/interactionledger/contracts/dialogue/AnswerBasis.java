package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.privacy.PersonalData;

import java.util.List;

/**
 * What a bot's answer was based on, as the bot reports it with the answer: the model and its version, the prompt or
 * policy version, the articles it relied on, its confidence, and whether a person approved the answer before it was
 * sent. Who approved is not recorded here: the bot's token proves only the bot, and a name in a request body is a
 * claim (an approver on the record would come from the approver's own token).
 *
 * @param promptVersion   the prompt, template or answer policy version, or null
 * @param articles        the articles used, most relevant first; empty when the answer used none
 * @param confidence      the bot's confidence in the answer (0-1)
 * @param humanApproved   a person approved the answer before it was sent
 * @param quotedUtterance the customer's words the answer was retrieved for, when the bot quotes them: personal data,
 *                        sealed under the customer's key like a message's text; or null
 */
public record AnswerBasis(
        ModelRef model,
        String promptVersion,
        List<ArticleRef> articles,
        double confidence,
        boolean humanApproved,
        @PersonalData String quotedUtterance
) {

    public AnswerBasis {
        articles = articles == null ? List.of() : List.copyOf(articles);
    }
}
