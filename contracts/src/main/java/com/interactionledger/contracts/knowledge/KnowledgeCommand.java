package com.interactionledger.contracts.knowledge;

import com.interactionledger.contracts.common.LedgerCommand;

/** Every command of the knowledge-article timeline names the article it creates or changes. */
public interface KnowledgeCommand extends LedgerCommand {

    ArticleId articleId();

    @Override
    default String targetId() {
        return articleId().value();
    }
}
