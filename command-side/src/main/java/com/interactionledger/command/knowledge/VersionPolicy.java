package com.interactionledger.command.knowledge;

import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.knowledge.ArticleId;

import java.time.Instant;

/**
 * An article's versions form one timeline: each new version is numbered above the last and takes effect no earlier
 * than it, and a withdrawal takes effect no earlier than the last version. Otherwise "the version in force at T"
 * would have two answers, and an answer could not be judged current or stale. Reason code:
 * {@link ErrorCode#ARTICLE_VERSION_REFUSED}.
 */
final class VersionPolicy {

    private VersionPolicy() {
    }

    static void requireFirst(int version) {
        if (version < 1) {
            throw refused("an article's versions are numbered from 1, not " + version);
        }
    }

    static void requireNext(ArticleId article, int last, Instant lastEffective, int version, Instant effectiveFrom) {
        if (version <= last) {
            throw refused("article " + article + " is at version " + last + ": a revision is numbered above it, not "
                    + version);
        }
        requireNotBefore(article, lastEffective, effectiveFrom);
    }

    static void requireNotBefore(ArticleId article, Instant lastEffective, Instant effectiveFrom) {
        if (effectiveFrom.isBefore(lastEffective)) {
            throw refused("article " + article + "'s last version is in force from " + lastEffective
                    + ": what follows it cannot take effect earlier (" + effectiveFrom + ")");
        }
    }

    private static KnowledgeRuleViolation refused(String detail) {
        return new KnowledgeRuleViolation(ErrorCode.ARTICLE_VERSION_REFUSED, detail);
    }
}
