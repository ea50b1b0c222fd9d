package com.interactionledger.contracts.analytics;

/**
 * Satisfaction of a group of sessions. Null where there is nothing to divide by.
 *
 * @param closedSessions  sessions closed (surveys follow closure)
 * @param surveys         survey responses
 * @param responseRate    surveys / closed sessions
 * @param csatMean        mean of the CSAT answers (1-5)
 * @param satisfiedShare  CSAT answers of 4 or 5 / CSAT answers
 * @param nps             % promoters (9-10) minus % detractors (0-6) of the NPS answers, in points (-100..100)
 */
public record SatisfactionFigures(
        String group,
        long closedSessions,
        long surveys,
        Double responseRate,
        long csatAnswers,
        Double csatMean,
        Double satisfiedShare,
        long npsAnswers,
        long promoters,
        long detractors,
        Double nps
) {
}
