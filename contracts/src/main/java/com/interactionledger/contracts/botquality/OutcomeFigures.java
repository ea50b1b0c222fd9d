package com.interactionledger.contracts.botquality;

/**
 * How a set of answers turned out. An answer is decided once it is corrected, escalated or confirmed; rates are of
 * the decided answers (an answer still open — its session neither resolved by the bot nor handed over — says
 * nothing yet), null when none is decided. Medians are of the bot's own confidence in the answers of each outcome.
 */
public record OutcomeFigures(long answers, long confirmed, long corrected, long escalated, long open,
                             Double confirmedRate, Double correctedRate, Double escalatedRate,
                             Double medianConfidenceConfirmed, Double medianConfidenceCorrected,
                             Double medianConfidenceEscalated) {
}
