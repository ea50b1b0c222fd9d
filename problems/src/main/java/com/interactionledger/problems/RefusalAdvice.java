package com.interactionledger.problems;

import com.interactionledger.contracts.common.CodedRefusal;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.Identifiers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;

import static com.interactionledger.problems.Problems.problem;

/**
 * The refusals the command side and the query side answer alike, so that they stay alike: each side's exception
 * advice extends this (and says which controllers it advises) and adds the refusals only it knows.
 */
public abstract class RefusalAdvice {

    /** A business rule's, the caller's or the query side's own refusal: its own code and words. */
    @ExceptionHandler(CodedRefusal.class)
    public ProblemDetail refused(CodedRefusal e, HttpServletRequest request) {
        return problem(e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(Identifiers.InvalidIdentifierException.class)
    public ProblemDetail badIdentifier(Identifiers.InvalidIdentifierException e, HttpServletRequest request) {
        return problem(ErrorCode.INVALID_IDENTIFIER, e.getMessage(), request);
    }
}
