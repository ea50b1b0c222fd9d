package com.interactionledger.projections.history;

import java.util.List;

/**
 * The bot answers of a customer's history, each judged against the article versions in force when it was given
 * ({@link BotAnswerBasis}), and the knowledge events the judgement rests on, as stored (with their event digests and
 * chain hashes, so a regulator can check them against the ledger's chain like the customer's own events).
 */
public record BotAnswers(List<BotAnswerBasis> answers, List<HistoryEvent> articleEvents) {
}
