package com.interactionledger.problems;

import com.interactionledger.contracts.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * The API's one error format, built in one place: an {@link ErrorCode} as an RFC 9457 problem+json body. Used by the
 * command side's and the query side's exception advice, the application's fallback handler (errors the web framework
 * raises itself) and its security handlers (401, 403), so every error of every service has the same fields in the
 * same order: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, then {@code code} and any
 * properties the caller adds ({@link ProblemDetail#setProperty}).
 * <p>
 * In a module of its own, under both sides: the contracts, which hold the codes, depend on nothing of Spring
 * (ArchitectureTest), and neither side may see the other.
 */
public final class Problems {

    /**
     * The request attributes naming the code and detail of the problem a request was answered with, for whatever
     * looks at the answer afterwards (the audit of refused requests) without reading the body back.
     */
    public static final String CODE = Problems.class.getName() + ".code";
    public static final String DETAIL = Problems.class.getName() + ".detail";

    private Problems() {
    }

    /** The problem of a coded error, with the code's own status. */
    public static ProblemDetail problem(ErrorCode code, String detail, HttpServletRequest request) {
        return problem(code, code.httpStatus(), detail, request);
    }

    /**
     * The problem of a coded error with another status than the code's: the web framework's own, where the code is
     * a generic one (an unreadable
     * parameter's 400, or any other client error without a code of its own, is a {@code MALFORMED_REQUEST}).
     */
    public static ProblemDetail problem(ErrorCode code, int status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(code.typeUri()));
        problem.setTitle(code.title());
        problem.setInstance(URI.create(request.getRequestURI()));
        // Clients switch on this, never on the title or the detail.
        problem.setProperty("code", code.name());
        request.setAttribute(CODE, code);
        request.setAttribute(DETAIL, detail);
        return problem;
    }
}
