package com.interactionledger.query.web;

import com.interactionledger.contracts.common.AccessRefused;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.Identifiers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static com.interactionledger.problems.Problems.problem;

/**
 * Refusals of the read API as RFC 9457 problem+json with a stable {@code code} (built by {@code Problems}, like
 * every error of the API). Framework errors and unexpected ones fall through to the application's fallback handler.
 */
@RestControllerAdvice(basePackages = "com.interactionledger.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryExceptionAdvice {

    @ExceptionHandler(RefusedException.class)
    ProblemDetail refused(RefusedException e, HttpServletRequest request) {
        return problem(e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(InvalidQueryParameterException.class)
    ProblemDetail badParameter(InvalidQueryParameterException e, HttpServletRequest request) {
        return problem(ErrorCode.INVALID_PARAMETER, e.getMessage(), request);
    }

    @ExceptionHandler(AccessRefused.class)
    ProblemDetail accessRefused(AccessRefused e, HttpServletRequest request) {
        return problem(e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(ReadModelBehindException.class)
    ProblemDetail behind(ReadModelBehindException e, HttpServletRequest request) {
        return problem(ErrorCode.READ_MODEL_BEHIND, e.getMessage(), request);
    }

    @ExceptionHandler(Identifiers.InvalidIdentifierException.class)
    ProblemDetail badIdentifier(Identifiers.InvalidIdentifierException e, HttpServletRequest request) {
        return problem(ErrorCode.INVALID_IDENTIFIER, e.getMessage(), request);
    }
}
