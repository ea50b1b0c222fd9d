package com.interactionledger.command.knowledge;

import com.interactionledger.contracts.knowledge.ArticleId;
import com.interactionledger.contracts.knowledge.ArticleVersion;
import com.interactionledger.contracts.knowledge.PublishKnowledgeArticle;
import com.interactionledger.contracts.knowledge.ReviseKnowledgeArticle;
import com.interactionledger.contracts.knowledge.WithdrawKnowledgeArticle;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

import static com.interactionledger.command.web.RequestPatterns.CODE;
import static com.interactionledger.command.web.RequestPatterns.ID;
import static com.interactionledger.command.web.RequestPatterns.LANGUAGE;

/**
 * The JSON bodies of the knowledge-article API. {@code effectiveFrom} is the knowledge-base system's own business
 * time (when a version is in force, which may lie ahead or, for an article's history brought in late, behind); when
 * absent it is the time the ledger records the version, from the edge's clock. The time of recording itself never
 * comes from the client.
 */
final class KnowledgeRequests {

    private KnowledgeRequests() {
    }

    record PublishRequest(
            @NotNull @Pattern(regexp = ID) String articleId,
            @NotNull @Min(1) @Max(1_000_000_000) Integer version,
            @NotBlank @Size(max = 300) String title,
            @NotNull @Pattern(regexp = CODE) String product,
            @NotNull @Pattern(regexp = LANGUAGE) String language,
            Instant effectiveFrom) {

        PublishKnowledgeArticle toCommand(Instant now) {
            return new PublishKnowledgeArticle(new ArticleId(articleId), new ArticleVersion(version, title, product,
                    language, effectiveFrom == null ? now : effectiveFrom), now);
        }
    }

    record ReviseRequest(
            @NotNull @Min(2) @Max(1_000_000_000) Integer version,
            @NotBlank @Size(max = 300) String title,
            @NotNull @Pattern(regexp = CODE) String product,
            @NotNull @Pattern(regexp = LANGUAGE) String language,
            Instant effectiveFrom) {

        ReviseKnowledgeArticle toCommand(ArticleId article, Long expectedVersion, Instant now) {
            return new ReviseKnowledgeArticle(article, expectedVersion, new ArticleVersion(version, title, product,
                    language, effectiveFrom == null ? now : effectiveFrom), now);
        }
    }

    record WithdrawRequest(@NotBlank @Size(max = 500) String reason, Instant effectiveFrom) {

        WithdrawKnowledgeArticle toCommand(ArticleId article, Long expectedVersion, Instant now) {
            return new WithdrawKnowledgeArticle(article, expectedVersion, reason,
                    effectiveFrom == null ? now : effectiveFrom, now);
        }
    }
}
