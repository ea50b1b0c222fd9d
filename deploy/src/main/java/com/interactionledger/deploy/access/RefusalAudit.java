package com.interactionledger.deploy.access;

import com.interactionledger.contracts.audit.RequestsRefused;
import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Puts every request refused for who sent it — 401, 403 and 451, whichever part of the service refused it (the
 * security filters, the role check, the guard of restricted customers) — on the audit trail: counted in a
 * {@link RefusalTally} per caller, endpoint and code, and recorded in the ledger as one {@link RequestsRefused} per
 * minute, shortly after the minute closes and at shutdown. Outside Spring Security's filters, so it sees their
 * answers too; the caller is the one {@link RoleCheck} verified, the code and reason those of the problem answered.
 * A refusal is counted after its answer is written: recording never delays or changes an answer.
 */
final class RefusalAudit extends OncePerRequestFilter implements SmartLifecycle {

    /** The request attribute naming the verified caller (set by {@link RoleCheck}). */
    static final String CALLER = RefusalAudit.class.getName() + ".caller";
    static final String ACTOR = "refusal-audit";
    private static final Logger log = LoggerFactory.getLogger(RefusalAudit.class);

    private final RefusalTally tally;
    /** Looked up when first needed: a filter is made with the web server, before the ledger's beans. */
    private final ObjectProvider<EventGateway> events;
    private final Clock clock;
    private final ObjectProvider<RequestMappingHandlerMapping> endpoints;
    private final Duration flushInterval;
    private ScheduledExecutorService recorder;

    RefusalAudit(RefusalAuditProperties properties, ObjectProvider<EventGateway> events, Clock clock,
                 ObjectProvider<RequestMappingHandlerMapping> endpoints) {
        this.tally = new RefusalTally(properties.maxTallies());
        this.events = events;
        this.clock = clock;
        this.endpoints = endpoints;
        this.flushInterval = properties.flushInterval();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if (status == 401 || status == 403 || status == 451) {
                try {
                    count(request, status);
                } catch (RuntimeException e) {
                    log.error("Could not count a refused request ({} {})", status, request.getMethod(), e);
                }
            }
        }
    }

    private void count(HttpServletRequest request, int status) {
        Object code = request.getAttribute(Problems.CODE);
        ErrorCode refused = code instanceof ErrorCode coded && coded.httpStatus() == status
                ? coded : ErrorCode.forStatus(status);
        Object reason = request.getAttribute(Problems.DETAIL);
        Object role = request.getAttribute(AccessRole.ACTING);
        tally.count(clock.instant(), (String) request.getAttribute(CALLER),
                role instanceof AccessRole acting ? acting.name() : null, endpoint(request), refused,
                reason == null ? refused.title() : reason.toString());
    }

    /**
     * The route template, never the path (it may name a customer). A request the security filters refused never
     * reached Spring MVC, so its route is looked up here — on the refusal path only.
     */
    private String endpoint(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            RequestMappingHandlerMapping mapping = endpoints.getIfAvailable();
            try {
                if (mapping != null) {
                    ServletRequestPathUtils.parseAndCache(request);
                    if (mapping.getHandler(request) != null) {
                        pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                    }
                }
            } catch (Exception noSuchEndpoint) {
                // a path no endpoint answers (or not with this method): counted without a route
            }
        }
        return request.getMethod() + " " + (pattern == null ? "?" : pattern);
    }

    /** Records the counts of the minutes closed by now (or all of them); put back to be tried again on failure. */
    void record(boolean all) {
        if (tally.isEmpty()) {
            return; // without reading the clock: nothing to record is the usual case
        }
        Instant now = clock.instant();
        List<RequestsRefused> taken = tally.take(now, all, now);
        if (taken.isEmpty()) {
            return;
        }
        try {
            List<EventMessage<?>> records = taken.stream().<EventMessage<?>>map(refused ->
                    GenericEventMessage.asEventMessage(refused).andMetaData(LedgerMetadata.fromTheService(ACTOR,
                            "refusals-" + refused.minute()))).toList();
            events.getObject().publish(records);
        } catch (RuntimeException e) {
            tally.putBack(taken);
            log.warn("Could not record {} counts of refused requests; trying again in {}", taken.size(),
                    flushInterval, e);
        }
    }

    @Override
    public synchronized void start() {
        recorder = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "refusal-audit");
            thread.setDaemon(true);
            return thread;
        });
        long every = flushInterval.toMillis();
        recorder.scheduleWithFixedDelay(() -> record(false), every, every, TimeUnit.MILLISECONDS);
    }

    /** After the web server has stopped taking requests, before the ledger closes: the open minute is recorded too. */
    @Override
    public synchronized void stop() {
        if (recorder != null) {
            recorder.shutdown();
            try {
                recorder.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recorder = null;
            record(true);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return recorder != null;
    }

    /** Below the web server's phases (it stops first), above Axon's (the ledger stops after). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
