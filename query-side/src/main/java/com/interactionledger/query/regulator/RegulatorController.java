package com.interactionledger.query.regulator;

import com.interactionledger.contracts.common.AccessRole.Names;
import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.ledger.sealing.PersonalDataSerializer;
import com.interactionledger.projections.history.CustomerHistory;
import com.interactionledger.projections.history.LedgerHistory;
import com.interactionledger.query.web.NotFoundException;
import com.interactionledger.query.web.PersonalDataAccess;
import com.interactionledger.query.web.QueryParameters;
import com.interactionledger.query.web.ReaderContext;
import com.interactionledger.query.web.RefusedException;
import com.interactionledger.projections.freshness.ReadModelFreshness;
import com.interactionledger.query.web.ReadModel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The regulator's view: a customer's complete history as the ledger held it at any instant, read from the events
 * themselves (not from a read model: it is as current as the ledger, and its freshness stamp says so, with the
 * ledger's head when it was read), with each event's place in the hash chain and each session's and complaint's
 * state then.
 */
@RestController
@RolesAllowed(Names.REGULATOR)
@ReadModel(ReadModelFreshness.LEDGER)
class RegulatorController {

    static final long DEFAULT_MAX_EVENTS = 10_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final PersonalDataAccess access;
    private final PersonalDataSerializer personalData;
    private final long maxEvents;

    /**
     * @param maxEvents {@code ledger.regulator.max-history-events}: the most events one history answer carries
     *                  (it is built in memory, then written out); a larger one is refused, not truncated
     */
    RegulatorController(JdbcTemplate jdbc, PlatformTransactionManager transactions, PersonalDataAccess access,
                        @Qualifier("eventSerializer") Serializer eventSerializer,
                        @Value("${ledger.regulator.max-history-events:" + DEFAULT_MAX_EVENTS + "}") long maxEvents) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        // Events, links and index read as one consistent picture while appends go on.
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.access = access;
        this.personalData = (PersonalDataSerializer) eventSerializer;
        if (maxEvents < 1) {
            throw new IllegalArgumentException("ledger.regulator.max-history-events must be at least 1");
        }
        this.maxEvents = maxEvents;
    }

    /**
     * @param asOf    the recorded instant (ISO-8601) the history is wanted as of: what the ledger knew then;
     *                everything recorded so far when absent
     * @param validAt the valid instant: only what had happened by then (an imported record at its source's time);
     *                whenever it happened when absent
     */
    @GetMapping("/regulator/customers/{customerId}/history")
    CustomerHistory history(ReaderContext reader, HttpServletRequest request, @PathVariable String customerId,
                            @RequestParam(required = false) String asOf,
                            @RequestParam(required = false) String validAt) {
        CustomerId customer = new CustomerId(customerId);
        Instant instant = QueryParameters.instant("asOf", asOf);
        Instant valid = QueryParameters.instant("validAt", validAt);
        CustomerHistory history;
        try {
            history = snapshot.execute(status -> jdbc.execute((ConnectionCallback<CustomerHistory>)
                    connection -> LedgerHistory.knows(connection, customer.value())
                            ? LedgerHistory.asOf(connection, customer.value(), instant, valid, maxEvents) : null));
        } catch (LedgerHistory.TooLarge e) {
            // Refused whole rather than cut short: a regulator must never take part of a history for all of it.
            throw new RefusedException(ErrorCode.HISTORY_TOO_LARGE, "The history of " + customerId
                    + (asOf == null ? "" : " as of " + asOf) + " holds more than " + e.maxEvents()
                    + " events, the most one answer carries (ledger.regulator.max-history-events); the replay tools'"
                    + " export reads any history whole");
        }
        if (history == null) {
            throw new NotFoundException(ErrorCode.CUSTOMER_NOT_FOUND, "The ledger holds nothing about " + customerId);
        }
        access.recordRead(reader, request, List.of(customer), "HISTORY", customer.value());
        return history.opened(personalData);
    }
}
