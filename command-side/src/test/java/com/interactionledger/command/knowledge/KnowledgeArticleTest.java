package com.interactionledger.command.knowledge;

import com.interactionledger.command.AggregateFixtureSupport;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.knowledge.ArticleId;
import com.interactionledger.contracts.knowledge.ArticleVersion;
import com.interactionledger.contracts.knowledge.KnowledgeArticlePublished;
import com.interactionledger.contracts.knowledge.KnowledgeArticleRevised;
import com.interactionledger.contracts.knowledge.KnowledgeArticleWithdrawn;
import com.interactionledger.contracts.knowledge.PublishKnowledgeArticle;
import com.interactionledger.contracts.knowledge.ReviseKnowledgeArticle;
import com.interactionledger.contracts.knowledge.WithdrawKnowledgeArticle;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** An article's timeline of versions: numbered upwards, in force in the same order, ended by a withdrawal. */
class KnowledgeArticleTest extends AggregateFixtureSupport<KnowledgeArticle> {

    private static final ArticleId ARTICLE = new ArticleId("kb-cards-012");
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-20T10:00:00Z");

    private static final ArticleVersion V1 = new ArticleVersion(1, "A card kept by an ATM", "cards", "en-GB", FEB);
    private static final KnowledgeArticlePublished V1_IN_FEB = new KnowledgeArticlePublished(ARTICLE, V1, JAN);

    KnowledgeArticleTest() {
        super(() -> new AggregateTestFixture<>(KnowledgeArticle.class), KnowledgeRuleViolation.class);
    }

    private static ReviseKnowledgeArticle revise(int version, Instant effectiveFrom) {
        return new ReviseKnowledgeArticle(ARTICLE, null, revision(version, effectiveFrom), NOW);
    }

    private static ArticleVersion revision(int version, Instant effectiveFrom) {
        return new ArticleVersion(version, "A card kept by an ATM: what to do", "cards", "en-GB", effectiveFrom);
    }

    @Test
    void whenPublishedThenItsFirstVersionIsRecordedInForceFromItsEffectiveTime() {
        fixture.givenNoPriorActivity()
                .when(new PublishKnowledgeArticle(ARTICLE, V1, JAN))
                .expectEvents(V1_IN_FEB);
    }

    @Test
    void whenPublishedAsVersionZeroThenVersionRefused() {
        expectRefused(fixture.givenNoPriorActivity().when(
                        new PublishKnowledgeArticle(ARTICLE, new ArticleVersion(0, "A card kept by an ATM", "cards",
                                "en-GB", FEB), JAN)),
                ErrorCode.ARTICLE_VERSION_REFUSED);
    }

    @Test
    void givenVersionOneWhenRevisedToVersionThreeInForceLaterThenRevised() {
        fixture.given(V1_IN_FEB)
                .when(revise(3, MAR))
                .expectEvents(new KnowledgeArticleRevised(ARTICLE, revision(3, MAR), NOW));
    }

    @Test
    void givenVersionOneWhenRevisedToVersionOneAgainThenVersionRefused() {
        expectRefused(List.of(V1_IN_FEB), revise(1, MAR), ErrorCode.ARTICLE_VERSION_REFUSED);
    }

    @Test
    void givenVersionOneInForceFromFebruaryWhenARevisionWouldBeInForceFromJanuaryThenVersionRefused() {
        expectRefused(List.of(V1_IN_FEB), revise(2, JAN), ErrorCode.ARTICLE_VERSION_REFUSED);
    }

    @Test
    void givenVersionOneWhenWithdrawnThenTheLastVersionIsWithdrawnFromItsEffectiveTime() {
        fixture.given(V1_IN_FEB)
                .when(new WithdrawKnowledgeArticle(ARTICLE, null, "product discontinued", MAR, NOW))
                .expectEvents(new KnowledgeArticleWithdrawn(ARTICLE, 1, "product discontinued", MAR, NOW));
    }

    @Test
    void givenVersionOneInForceFromFebruaryWhenWithdrawnFromJanuaryThenVersionRefused() {
        expectRefused(List.of(V1_IN_FEB), new WithdrawKnowledgeArticle(ARTICLE, null, "wrong", JAN, NOW),
                ErrorCode.ARTICLE_VERSION_REFUSED);
    }

    @Test
    void givenWithdrawnWhenRevisedThenArticleWithdrawn() {
        expectRefused(List.of(V1_IN_FEB, new KnowledgeArticleWithdrawn(ARTICLE, 1, "discontinued", MAR, NOW)),
                revise(2, MAR), ErrorCode.ARTICLE_WITHDRAWN);
    }

    @Test
    void givenWithdrawnWhenWithdrawnAgainThenArticleWithdrawn() {
        expectRefused(List.of(V1_IN_FEB, new KnowledgeArticleWithdrawn(ARTICLE, 1, "discontinued", MAR, NOW)),
                new WithdrawKnowledgeArticle(ARTICLE, null, "again", MAR, NOW), ErrorCode.ARTICLE_WITHDRAWN);
    }
}
