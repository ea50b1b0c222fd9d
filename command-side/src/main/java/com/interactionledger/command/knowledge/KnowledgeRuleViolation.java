package com.interactionledger.command.knowledge;

import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.ledger.append.RuleViolation;

/** A knowledge-article command refused by the article's rules. */
public class KnowledgeRuleViolation extends RuleViolation {

    public KnowledgeRuleViolation(ErrorCode code, String detail) {
        super(code, detail);
    }
}
