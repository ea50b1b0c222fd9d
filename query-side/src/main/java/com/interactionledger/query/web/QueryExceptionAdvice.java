package com.interactionledger.query.web;

import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.problems.RefusalAdvice;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static com.interactionledger.problems.Problems.problem;

/**
 * Refusals of the read API as RFC 9457 problem+json with a stable {@code code} (built by {@code Problems}, like
 * every error of the API): its own ({@link RefusedException}) and the caller's access, as the command side answers
 * them ({@link RefusalAdvice}), and query parameters it cannot use. Framework errors and unexpected ones fall
 * through to the application's fallback handler.
 */
@RestControllerAdvice(basePackages = "com.interactionledger.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryExceptionAdvice extends RefusalAdvice {

    @ExceptionHandler(InvalidQueryParameterException.class)
    ProblemDetail badParameter(InvalidQueryParameterException e, HttpServletRequest request) {
        return problem(ErrorCode.INVALID_PARAMETER, e.getMessage(), request);
    }

    @ExceptionHandler(ReadModelBehindException.class)
    ProblemDetail behind(ReadModelBehindException e, HttpServletRequest request) {
        return problem(ErrorCode.READ_MODEL_BEHIND, e.getMessage(), request);
    }
}
