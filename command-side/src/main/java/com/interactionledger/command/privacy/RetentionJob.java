package com.interactionledger.command.privacy;

import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.contracts.privacy.ApplyRetention;
import com.interactionledger.contracts.privacy.FindRetentionDue;
import com.interactionledger.contracts.privacy.RetentionReport;
import com.interactionledger.ledger.append.RuleViolation;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Enforces the retention periods ({@code ledger.privacy.retention.*}): at each run, every customer all of whose
 * records are past their periods and under no legal hold is erased by crypto-shredding — an {@link ApplyRetention}
 * to their privacy record, which records the rule that applied and destroys the key. In {@code report} mode (the
 * default) it only counts what it would erase: the dry run, whose list is {@code GET /privacy/retention-report};
 * a bank switches to {@code erase} once it has read it. The due list comes from the privacy read model brought up to
 * the ledger's head first, so no customer's latest activity (or legal hold) is missed. The job's time is the injected
 * clock's, its identity the configured one, never a request's.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    static final int PAGE = FindRetentionDue.MAX_LIMIT;

    /** What a run does with the customers due. */
    public enum Mode {
        /** Counts them: nothing is written (the dry run). */
        REPORT,
        /** Erases them. */
        ERASE
    }

    /**
     * One run's outcome, by customer id.
     *
     * @param due      due and under no hold: erased (ERASE) or to be erased (REPORT)
     * @param held     due, but kept by a legal hold
     * @param refused  refused by their privacy record when erased (a hold placed, or an erasure, since the list)
     */
    public record Run(Instant at, Mode mode, List<String> due, List<String> held, List<String> refused) {
    }

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;
    private final Mode mode;
    private final String actor;

    public RetentionJob(QueryGateway queries, CommandGateway commands, Clock clock,
                        @Value("${ledger.privacy.retention.enforcement:report}") Mode mode,
                        @Value("${ledger.privacy.retention.actor:retention-job}") String actor) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        this.mode = mode;
        this.actor = actor;
    }

    @Scheduled(fixedDelayString = "${ledger.privacy.retention.run-every:PT1H}",
            initialDelayString = "${ledger.privacy.retention.first-run-after:PT5M}")
    void scheduled() {
        try {
            Run run = run(clock.instant());
            log.info("Retention run at {} ({}): {} due{}, {} under legal hold, {} refused", run.at(), run.mode(),
                    run.due().size(), run.mode() == Mode.ERASE ? " and erased" : " (not erased: report mode)",
                    run.held().size(), run.refused().size());
        } catch (NoHandlerForQueryException noReadModel) {
            log.warn("Retention not enforced: the privacy read model does not run in this service (the job runs in"
                    + " the all-in-one service only; docs/PRIVACY-AND-ACCESS.md, Retention)");
        } catch (RuntimeException e) {
            log.error("Retention run failed; nothing more is erased until the next run", e);
        }
    }

    /** One run at {@code at}: every page of the customers due then. */
    public Run run(Instant at) {
        List<String> due = new ArrayList<>();
        List<String> held = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        String after = null;
        do {
            // The dry run reads what an erasing run would: the read model brought up to the head first.
            RetentionReport page = due(new FindRetentionDue(at, after, PAGE, true));
            for (RetentionReport.Due customer : page.customers()) {
                String id = customer.customerId().value();
                if (!customer.legalHolds().isEmpty()) {
                    held.add(id);
                } else if (mode == Mode.REPORT || erase(customer, at)) {
                    due.add(id);
                } else {
                    refused.add(id);
                }
            }
            after = page.next();
        } while (after != null);
        return new Run(at, mode, List.copyOf(due), List.copyOf(held), List.copyOf(refused));
    }

    private RetentionReport due(FindRetentionDue query) {
        try {
            return queries.query(query, ResponseTypes.instanceOf(RetentionReport.class)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private boolean erase(RetentionReport.Due customer, Instant at) {
        ApplyRetention command = new ApplyRetention(customer.customerId(), customer.rule(), customer.dueSince(), actor,
                at);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                    LedgerMetadata.fromTheService(actor, "retention-" + at)));
            return true;
        } catch (RuleViolation refusedByTheRecord) {
            log.info("Retention of customer {} refused by their privacy record: {}", customer.customerId(),
                    refusedByTheRecord.getMessage());
            return false;
        }
    }
}
