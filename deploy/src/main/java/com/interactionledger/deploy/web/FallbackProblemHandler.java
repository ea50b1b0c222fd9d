package com.interactionledger.deploy.web;

import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.problems.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The last resort of the whole API: errors the web framework raises itself (unknown route, wrong method, wrong
 * media type...) get problem+json with a stable code, and anything unexpected becomes a 500 whose body says
 * nothing about the cause. The modules' own advice, with higher precedence, handles everything they know.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class FallbackProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FallbackProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ErrorCode code = ErrorCode.forStatus(status.value());
        if (body == null && ex instanceof ErrorResponse error) {
            body = error.getBody(); // a ResponseStatusException's reason
        }
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail() : code.title();
        // The framework's status stands even where the code is a generic one (a 409 or 422 of its own is a MALFORMED_REQUEST).
        ProblemDetail problem = Problems.problem(code, status.value(), detail, servletRequest(request));
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        HttpServletRequest servletRequest = servletRequest(request);
        log.error("Unexpected failure of {} {}", servletRequest.getMethod(), servletRequest.getRequestURI(), e);
        ProblemDetail problem = Problems.problem(ErrorCode.INTERNAL_ERROR,
                ErrorCode.INTERNAL_ERROR.title(), servletRequest);
        return ResponseEntity.status(ErrorCode.INTERNAL_ERROR.httpStatus()).body(problem);
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }
}
