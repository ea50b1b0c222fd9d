package com.interactionledger.contracts.knowledge;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An article is withdrawn: from {@code effectiveFrom} on no version of it is in force, and an answer quoting it at
 * or after that instant quoted a withdrawn article. A withdrawal is final: the article takes no new version.
 *
 * @param lastVersion the number of the last version, the one withdrawn
 * @param reason      why, in the knowledge-base system's words (no personal data)
 */
@Revision("1")
public record KnowledgeArticleWithdrawn(
        ArticleId articleId,
        int lastVersion,
        String reason,
        Instant effectiveFrom,
        Instant occurredAt
) implements KnowledgeEvent {

    @Override
    public int versionNumber() {
        return lastVersion;
    }
}
