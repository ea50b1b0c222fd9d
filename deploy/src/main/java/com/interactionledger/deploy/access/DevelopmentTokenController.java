package com.interactionledger.deploy.access;

import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.Identifiers;
import jakarta.annotation.security.PermitAll;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /dev/tokens?actor=agent-7&role=AGENT} — a development token, as plain text for
 * {@code TOKEN=$(curl ...)} or, with {@code Accept: application/json}, as an OAuth2 token response. Anyone may
 * ask: this endpoint exists only in {@code development} mode, where the data is a demo's.
 */
@RestController
@ConditionalOnProperty(name = "ledger.access.mode", havingValue = "development")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DevelopmentTokenController {

    private final DevelopmentIssuer issuer;

    DevelopmentTokenController(DevelopmentIssuer issuer) {
        this.issuer = issuer;
    }

    @PermitAll
    @PostMapping("/dev/tokens")
    ResponseEntity<?> token(@RequestParam(required = false) String actor,
                            @RequestParam(name = "role", required = false) List<String> roles,
                            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (!Identifiers.isValid(actor)) {
            throw badRequest("actor must be an identifier (" + Identifiers.PATTERN + ")");
        }
        if (roles == null || roles.isEmpty()) {
            throw badRequest("Name at least one role: role=" + Arrays.toString(AccessRole.values()));
        }
        List<String> names = roles.stream().map(role -> role.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        for (String name : names) {
            if (Arrays.stream(AccessRole.values()).noneMatch(role -> role.name().equals(name))) {
                throw badRequest("Unknown role " + name + "; one of " + Arrays.toString(AccessRole.values()));
            }
        }
        String token = issuer.issue(actor, names);
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("access_token", token,
                    "token_type", "Bearer", "expires_in", issuer.lifetimeSeconds()));
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(token);
    }

    /** 400 MALFORMED_REQUEST, with the reason, from the application's fallback problem handler. */
    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
