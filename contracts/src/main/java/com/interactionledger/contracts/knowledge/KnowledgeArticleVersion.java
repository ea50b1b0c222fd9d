package com.interactionledger.contracts.knowledge;

/** An event that puts a version of an article in force: its publication or a revision. */
public interface KnowledgeArticleVersion extends KnowledgeEvent {

    String title();

    /** The product or service the article is about. */
    String product();

    /** The article's language (a BCP 47 tag). */
    String language();
}
