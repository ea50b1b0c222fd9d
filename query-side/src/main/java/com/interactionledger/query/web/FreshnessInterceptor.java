package com.interactionledger.query.web;

import com.interactionledger.contracts.common.Freshness;
import com.interactionledger.projections.freshness.ReadModelFreshness;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;

/**
 * Before a read model answers: waits, if asked ({@code waitForPosition}, up to {@code waitTimeout}, default
 * {@value #DEFAULT_WAIT}, at most {@value #MAX_WAIT}), until the read model has applied that position, and takes
 * its freshness. A position beyond the ledger's head is refused at once (400 {@code INVALID_PARAMETER}), so every
 * wait is for something already written and lasts at most {@value #MAX_WAIT}. Taken before the query runs, the
 * freshness is a lower bound: the data reflects at least that position (read-your-writes: pass the {@code position}
 * a command answered).
 */
public class FreshnessInterceptor implements HandlerInterceptor {

    static final String ATTRIBUTE = Freshness.class.getName();
    static final String DEFAULT_WAIT = "PT5S";
    static final String MAX_WAIT = "PT30S";

    private final ReadModelFreshness freshness;

    public FreshnessInterceptor(ReadModelFreshness freshness) {
        this.freshness = freshness;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadModel readModel = method.getBeanType().getAnnotation(ReadModel.class);
        if (readModel == null) {
            return true;
        }
        String wanted = request.getParameter("waitForPosition");
        // An answer read from the ledger itself is as fresh as the head: one look at it serves the whole check.
        Freshness ledgerHead = ReadModelFreshness.LEDGER.equals(readModel.value()) ? freshness.ofLedger() : null;
        Freshness reached;
        if (wanted == null) {
            reached = ledgerHead != null ? ledgerHead : freshness.of(readModel.value());
        } else {
            long position = QueryParameters.longInteger("waitForPosition", wanted, 0, Long.MAX_VALUE);
            long head = ledgerHead != null ? ledgerHead.headPosition() : freshness.headPosition();
            if (position > head) {
                // Nobody has written there: no read model can reach it, so waiting would only hold a thread for
                // the whole timeout. (A command's answer names a position already stored, never a later one.)
                throw new InvalidQueryParameterException("waitForPosition", "is beyond the ledger's head ("
                        + head + "): no event has been written at " + position + " to wait for");
            }
            Duration timeout = QueryParameters.duration("waitTimeout", request.getParameter("waitTimeout"),
                    Duration.parse(DEFAULT_WAIT));
            if (timeout.compareTo(Duration.parse(MAX_WAIT)) > 0) {
                throw new InvalidQueryParameterException("waitTimeout", "must be at most " + MAX_WAIT);
            }
            // the ledger has every position up to its head already: nothing to wait for
            reached = ledgerHead != null ? ledgerHead : freshness.await(readModel.value(), position, timeout);
            if (reached.position() < position) {
                throw new ReadModelBehindException(position, reached);
            }
        }
        request.setAttribute(ATTRIBUTE, reached);
        return true;
    }
}
