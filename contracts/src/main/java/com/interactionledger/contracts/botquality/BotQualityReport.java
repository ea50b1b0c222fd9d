package com.interactionledger.contracts.botquality;

import java.util.List;

/**
 * The bot's quality as the ledger saw it: its answers and how they turned out, overall and grouped, its calibration,
 * the articles most often corrected, the intents it answered without an article, and the stale versions it quoted.
 * No personal data (docs/BOT-ANSWERS.md gives each figure's definition).
 */
public record BotQualityReport(BotQualityDimension by, OutcomeFigures total, List<BotQualityGroup> groups,
                               List<CalibrationBand> calibration, List<ArticleCorrections> mostCorrectedArticles,
                               List<CoverageGap> coverageGaps, List<StaleQuotes> staleQuotes) {
}
