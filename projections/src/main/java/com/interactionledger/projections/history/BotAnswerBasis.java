package com.interactionledger.projections.history;

import java.time.Instant;
import java.util.List;

/**
 * A bot's answer in a customer's history, with each article it quoted and the version in force when it was given.
 *
 * @param position   the global position of the answer's {@code AnswerBasisRecorded} event in the history
 * @param answeredAt when the answer was given (valid time)
 */
public record BotAnswerBasis(long position, String sessionId, String messageId, Instant answeredAt,
                             List<QuotedArticle> articles) {
}
