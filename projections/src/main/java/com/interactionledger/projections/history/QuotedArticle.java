package com.interactionledger.projections.history;

import java.time.Instant;

/**
 * An article version a bot's answer quoted, judged against the article's versions as the ledger knew them at the
 * history's instant (docs/BOT-ANSWERS.md).
 *
 * @param status         {@code IN_FORCE}: the quoted version was the one in force when the answer was given;
 *                       {@code SUPERSEDED}: a later version was; {@code WITHDRAWN}: the article was withdrawn by
 *                       then; {@code NOT_YET_IN_FORCE}: the quoted version took effect only later; {@code UNKNOWN}:
 *                       the ledger had not been told of that version
 * @param inForceVersion the version in force when the answer was given (null if none was)
 * @param inForceTitle   its title
 * @param inForceFrom    from when it was in force
 */
public record QuotedArticle(String articleId, int version, String status, Integer inForceVersion,
                            String inForceTitle, Instant inForceFrom) {
}
