package com.interactionledger.projections.history;

import com.interactionledger.ledger.sealing.PersonalDataSerializer;
import java.time.Instant;
import java.util.List;

/**
 * A customer's complete history as the ledger held it at an instant: every event recorded for the customer up to
 * and including {@code asOf} (sessions, messages, complaints, surveys, refusals, reads of their data), in global
 * order, and the state of each session and complaint then.
 *
 * @param customerId the customer
 * @param asOf       the recorded instant; null for everything recorded so far
 * @param validAt    the valid instant: only what had happened by then; null for whenever it happened
 * @param events     the events, in global order
 * @param sessions   each session's state at {@code asOf}, by id
 * @param complaints each complaint's state at {@code asOf}, by id
 * @param botAnswers each bot answer of the history with the article versions it quoted, judged against the versions
 *                   in force when it was given, as the ledger knew them at {@code asOf} (docs/BOT-ANSWERS.md)
 */
public record CustomerHistory(String customerId, Instant asOf, Instant validAt, List<HistoryEvent> events,
                              List<StreamState> sessions, List<StreamState> complaints,
                              List<BotAnswerBasis> botAnswers) {

    /** The history with every event's personal fields in clear (or erased); see {@link HistoryEvent#opened}. */
    public CustomerHistory opened(PersonalDataSerializer personalData) {
        return new CustomerHistory(customerId, asOf, validAt,
                events.stream().map(event -> event.opened(personalData)).toList(), sessions, complaints, botAnswers);
    }
}
