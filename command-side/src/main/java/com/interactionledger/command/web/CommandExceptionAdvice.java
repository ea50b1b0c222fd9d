package com.interactionledger.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.interactionledger.command.idempotency.IdempotencyKeyReusedException;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.Identifiers;
import com.interactionledger.contracts.privacy.CustomerErasedException;
import com.interactionledger.problems.RefusalAdvice;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.interactionledger.problems.Problems.problem;

/**
 * Refusals of the command API as RFC 9457 problem+json with a stable {@code code} (built by {@code Problems}, like
 * every error of the API): business rules and the caller's access (as the query side answers them, in
 * {@link RefusalAdvice}), concurrency, idempotency, headers and bodies. (Unknown and duplicate sessions or
 * complaints are answered by their own controllers, which know which kind of resource was meant.) Errors the web
 * framework raises itself, and unexpected ones (logged, never echoed), fall through to the application's fallback
 * handler.
 */
@RestControllerAdvice(basePackages = "com.interactionledger.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandExceptionAdvice extends RefusalAdvice {

    @ExceptionHandler(CustomerErasedException.class)
    ProblemDetail erased(CustomerErasedException e, HttpServletRequest request) {
        return problem(ErrorCode.CUSTOMER_ERASED, e.getMessage(), request);
    }

    /** Stale If-Match, or another writer appended the same sequence number first (unique key in the store). */
    @ExceptionHandler({ConflictingModificationException.class, ConcurrencyException.class})
    ProblemDetail concurrent(HttpServletRequest request) {
        return problem(ErrorCode.CONCURRENT_MODIFICATION,
                "The session changed since the version you acted on; read it again and retry", request);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e, HttpServletRequest request) {
        return problem(ErrorCode.IDEMPOTENCY_KEY_REUSED, e.getMessage(), request);
    }

    @ExceptionHandler(CommandContext.InvalidHeaderException.class)
    ProblemDetail badHeader(CommandContext.InvalidHeaderException e, HttpServletRequest request) {
        return problem(ErrorCode.MISSING_HEADER, e.getMessage(), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        List<Map<String, String>> global = e.getBindingResult().getGlobalErrors().stream()
                .map(error -> Map.of("field", "", "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        List<Map<String, String>> all = new java.util.ArrayList<>(errors);
        all.addAll(global);
        ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED, all.stream()
                .map(error -> (error.get("field").isEmpty() ? "" : error.get("field") + ": ") + error.get("message"))
                .sorted()
                .collect(Collectors.joining("; ")), request);
        problem.setProperty("errors", all);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        // A typed id rejected while the body was being read is an invalid identifier, not broken JSON.
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof Identifiers.InvalidIdentifierException invalid) {
                return problem(ErrorCode.INVALID_IDENTIFIER, invalid.getMessage(), request);
            }
        }
        String where = cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? " at " + mapping.getPathReference().replaceFirst("^[^\\[]*", "")
                : "";
        return problem(ErrorCode.MALFORMED_REQUEST, "The body could not be read as the expected JSON" + where,
                request);
    }
}
