package com.interactionledger.projections.botquality;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.interactionledger.projections.botquality.ArticleTimeline.Status.IN_FORCE;
import static com.interactionledger.projections.botquality.ArticleTimeline.Status.NOT_YET_IN_FORCE;
import static com.interactionledger.projections.botquality.ArticleTimeline.Status.SUPERSEDED;
import static com.interactionledger.projections.botquality.ArticleTimeline.Status.UNKNOWN;
import static com.interactionledger.projections.botquality.ArticleTimeline.Status.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

/** Which version was in force when, for an article published in January, revised in March, withdrawn in May. */
class ArticleTimelineTest {

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APR = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant JUN = Instant.parse("2026-06-01T00:00:00Z");

    private static ArticleTimeline article() {
        ArticleTimeline timeline = new ArticleTimeline();
        timeline.version(1, JAN, "first");
        timeline.version(2, MAR, "second");
        timeline.withdrawn(MAY);
        return timeline;
    }

    @Test
    void givenTheTimelineWhenVersionOneIsQuotedThenItsStatusFollowsTheCalendar() {
        ArticleTimeline article = article();
        assertThat(article.status(1, FEB)).isEqualTo(IN_FORCE);
        assertThat(article.status(1, MAR)).as("the revision is in force from its instant on").isEqualTo(SUPERSEDED);
        assertThat(article.status(1, JUN)).as("withdrawn outranks superseded").isEqualTo(WITHDRAWN);
        assertThat(article.status(2, FEB)).isEqualTo(NOT_YET_IN_FORCE);
        assertThat(article.status(3, APR)).isEqualTo(UNKNOWN);
    }

    @Test
    void givenTheTimelineWhenAStaleVersionIsQuotedThenItEndedWhenTheFirstChangeTookEffect() {
        ArticleTimeline article = article();
        assertThat(article.endedBefore(1, APR)).isEqualTo(MAR);
        assertThat(article.endedBefore(1, JUN)).as("superseded in March, before the withdrawal").isEqualTo(MAR);
        assertThat(article.endedBefore(2, JUN)).isEqualTo(MAY);
        assertThat(article.endedBefore(2, APR)).as("in force: not stale").isNull();
    }

    @Test
    void givenTheTimelineWhenAskedWhatWasInForceThenTheLatestVersionInForceUntilTheWithdrawal() {
        ArticleTimeline article = article();
        assertThat(article.inForceAt(Instant.parse("2025-12-31T00:00:00Z"))).isNull();
        assertThat(article.inForceAt(FEB)).isEqualTo(1);
        assertThat(article.inForceAt(APR)).isEqualTo(2);
        assertThat(article.title(2)).isEqualTo("second");
        assertThat(article.inForceAt(JUN)).isNull();
    }
}
