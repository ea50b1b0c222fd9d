package com.interactionledger.command.knowledge;

import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.knowledge.ArticleId;
import com.interactionledger.contracts.knowledge.KnowledgeArticlePublished;
import com.interactionledger.contracts.knowledge.KnowledgeArticleRevised;
import com.interactionledger.contracts.knowledge.KnowledgeArticleWithdrawn;
import com.interactionledger.contracts.knowledge.PublishKnowledgeArticle;
import com.interactionledger.contracts.knowledge.ReviseKnowledgeArticle;
import com.interactionledger.contracts.knowledge.WithdrawKnowledgeArticle;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One knowledge-base article as a timeline of versions, so that for any instant the ledger can say which version was
 * in force: versions are numbered upwards and take effect in the same order ({@link VersionPolicy}), and a withdrawal
 * ends the timeline. The articles themselves stay in the knowledge-base system; the ledger keeps what a regulator asks
 * about an answer that quoted one (its title, product and language, and when each version was in force). No clock
 * and no randomness here: every time arrives on the command, stamped at the edge.
 */
@Aggregate
public class KnowledgeArticle {

    @AggregateIdentifier
    private ArticleId articleId;
    private int version;
    private Instant effectiveFrom;
    private boolean withdrawn;

    /** For Axon, which rebuilds the article from its events. */
    protected KnowledgeArticle() {
    }

    @CommandHandler
    public KnowledgeArticle(PublishKnowledgeArticle command) {
        VersionPolicy.requireFirst(command.version().number());
        apply(new KnowledgeArticlePublished(command.articleId(), command.version(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(ReviseKnowledgeArticle command) {
        requireNotWithdrawn();
        VersionPolicy.requireNext(articleId, version, effectiveFrom, command.version().number(),
                command.version().effectiveFrom());
        apply(new KnowledgeArticleRevised(articleId, command.version(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(WithdrawKnowledgeArticle command) {
        requireNotWithdrawn();
        VersionPolicy.requireNotBefore(articleId, effectiveFrom, command.effectiveFrom());
        apply(new KnowledgeArticleWithdrawn(articleId, version, command.reason(), command.effectiveFrom(),
                command.occurredAt()));
    }

    private void requireNotWithdrawn() {
        if (withdrawn) {
            throw new KnowledgeRuleViolation(ErrorCode.ARTICLE_WITHDRAWN, "article " + articleId + " is withdrawn");
        }
    }

    // ---- state changes: only from events ----

    @EventSourcingHandler
    void on(KnowledgeArticlePublished event) {
        articleId = event.articleId();
        version = event.versionNumber();
        effectiveFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(KnowledgeArticleRevised event) {
        version = event.versionNumber();
        effectiveFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(KnowledgeArticleWithdrawn event) {
        withdrawn = true;
    }
}
