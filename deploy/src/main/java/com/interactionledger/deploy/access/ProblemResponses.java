package com.interactionledger.deploy.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.problems.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * Refusals by the security filter chain, in the API's one error format: problem+json with a stable code (401
 * {@code UNAUTHENTICATED}, 403 {@code FORBIDDEN}), after the standard {@code WWW-Authenticate: Bearer} header
 * (RFC 6750) that tells a client what was wrong with its token.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerChallenge.commence(request, response, e);
        write(request, response, ErrorCode.UNAUTHENTICATED, e instanceof InvalidBearerTokenException
                ? "The bearer token was refused: " + e.getMessage() : "A bearer token is required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        write(request, response, ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN.title());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        ProblemDetail problem = Problems.problem(code, detail, request);
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
