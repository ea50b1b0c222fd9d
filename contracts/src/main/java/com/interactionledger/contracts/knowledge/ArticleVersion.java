package com.interactionledger.contracts.knowledge;

import java.time.Instant;

/**
 * One version of a knowledge-base article, as the knowledge-base system describes it.
 *
 * @param number        the knowledge-base system's version number, higher than any before it
 * @param product       the product or service the article is about (cards, mortgages...), for the analysts' figures
 * @param language      the article's language (a BCP 47 tag)
 * @param effectiveFrom from when this version is in force (the knowledge base's business time; it may lie ahead)
 */
public record ArticleVersion(int number, String title, String product, String language, Instant effectiveFrom) {
}
