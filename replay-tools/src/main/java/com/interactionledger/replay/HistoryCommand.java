package com.interactionledger.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.projections.history.CustomerHistory;
import com.interactionledger.projections.history.LedgerHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;

@Command(name = "history",
        description = "A customer's complete history as the ledger held it at INSTANT (ISO-8601; all so far if "
                + "absent): every event in global order with its chain hash, and each session's and complaint's "
                + "state.",
        exitCodeList = {"0:done", "1:database unreachable or unreadable", "2:wrong usage",
                "5:the ledger holds nothing about the customer"})
public final class HistoryCommand extends Subcommand {

    private static final ObjectMapper JSON = ReplayJson.MAPPER;

    @Mixin
    private ConnectionOptions ledger;

    @Option(names = "--customer", paramLabel = "ID", required = true, description = "The customer")
    private String customer;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "Recorded time to read the ledger as of, e.g. 2026-11-23T12:00:00Z")
    private Instant asOf;

    @Option(names = "--valid-at", paramLabel = "INSTANT",
            description = "Only what had happened by this valid time (an imported record's is its source's time)")
    private Instant validAt;

    @Mixin
    private PersonalDataOptions keys;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        return ledger.onLedger(connection -> {
            // One snapshot: events, links and the customer index agree while appends go on.
            CustomerHistory history = ReadSnapshot.<CustomerHistory, RuntimeException>read(connection, () ->
                    LedgerHistory.knows(connection, customer)
                            ? LedgerHistory.asOf(connection, customer, asOf, validAt, Long.MAX_VALUE)
                                    .opened(keys.opener(ledger)) : null);
            if (history == null) {
                throw new ReplayCli.Failure(ReplayCli.NOT_FOUND, "the ledger holds nothing about " + customer);
            }
            out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(history));
            out().flush();
            return ReplayCli.OK;
        });
    }
}
