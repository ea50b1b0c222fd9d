package com.interactionledger.query;

import com.interactionledger.contracts.common.AccessRole;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.Principal;

/**
 * Stands in for the application's authentication in the query side's own tests: every request is from the
 * supervisor {@code test-supervisor}, acting as SUPERVISOR. Tokens and the role check are the deploy module's
 * (its access matrix test calls every endpoint with every role); these tests are about the read models.
 */
class TestReader extends OncePerRequestFilter {

    static final String ACTOR = "test-supervisor";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(AccessRole.ACTING, AccessRole.SUPERVISOR);
        Principal supervisor = () -> ACTOR;
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return supervisor;
            }

            @Override
            public boolean isUserInRole(String role) {
                return AccessRole.SUPERVISOR.name().equals(role);
            }
        }, response);
    }
}
