package com.interactionledger.deploy.access;

import com.interactionledger.command.web.MachineCallers;
import com.interactionledger.contracts.common.AccessRefused;
import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.Identifiers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The role check of every ledger endpoint: each handler names the roles it admits with {@code @RolesAllowed} (on
 * the method, or on its controller), or is open to anyone with {@code @PermitAll}. A handler that names neither is
 * refused to everyone — a new endpoint is closed until someone decides who may call it (and the access matrix
 * test, which lists every endpoint, says so). The role the caller acts in is left on the request for the command
 * and reader contexts ({@link AccessRole#ACTING}). Authentication itself (the bearer token) is checked before, by
 * the security filter chain.
 */
final class RoleCheck implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RoleCheck.class);
    private static final String LEDGER_PACKAGE = "com.interactionledger.";

    /** The machine identities and what each may record; absent where no command side runs (a query-side service). */
    private final MachineCallers machines;

    RoleCheck(MachineCallers machines) {
        this.machines = machines;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith(LEDGER_PACKAGE)) {
            return true; // the framework's own handlers (API docs, health) are opened or closed by path
        }
        if (method.hasMethodAnnotation(PermitAll.class)) {
            return true;
        }
        Set<String> admitted = admittedRoles(method);
        if (admitted.isEmpty()) {
            log.error("{} declares no @RolesAllowed: refused to everyone", method.getShortLogMessage());
            throw AccessRefused.forbidden("This endpoint admits no role yet");
        }
        if (request.getUserPrincipal() == null) {
            throw AccessRefused.unauthenticated("A bearer token is required");
        }
        if (!Identifiers.isValid(request.getUserPrincipal().getName())) {
            // the actor is recorded with every command and read: it must be a well-formed identifier
            throw AccessRefused.unauthenticated("The token's actor must be an identifier (" + Identifiers.PATTERN
                    + "); see ledger.access.actor-claim");
        }
        // Verified and well formed: a refusal from here on names its caller on the audit trail (RefusalAudit).
        request.setAttribute(RefusalAudit.CALLER, request.getUserPrincipal().getName());
        AccessRole acting = AccessRole.acting(admitted, request::isUserInRole)
                .orElseThrow(() -> AccessRefused.forbidden("This needs one of the roles " + admitted));
        if (acting == AccessRole.SYSTEM) {
            // A machine records only what its identity is configured for: a bot cannot resolve a complaint.
            String actor = request.getUserPrincipal().getName();
            String endpoint = request.getMethod() + " "
                    + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            if (machines == null || !machines.mayRecord(actor, endpoint)) {
                throw AccessRefused.forbidden("The machine identity " + actor + " may not call " + endpoint
                        + " (ledger.machines." + actor + ".records)");
            }
        }
        request.setAttribute(AccessRole.ACTING, acting);
        return true;
    }

    /** The roles an endpoint admits, worked out once per endpoint method (annotations do not change). */
    private static final Map<Method, Set<String>> ADMITTED = new ConcurrentHashMap<>();

    static Set<String> admittedRoles(HandlerMethod method) {
        return ADMITTED.computeIfAbsent(method.getMethod(), key -> declaredRoles(method));
    }

    private static Set<String> declaredRoles(HandlerMethod method) {
        RolesAllowed roles = method.getMethodAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RolesAllowed.class);
        }
        return roles == null ? Set.of() : Set.of(roles.value());
    }
}
