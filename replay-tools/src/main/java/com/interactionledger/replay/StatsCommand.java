package com.interactionledger.replay;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.security.GeneralSecurityException;

@Command(name = "stats",
        description = "Counts events, head position, gaps, sessions, customers and events per type.",
        exitCodeList = {"0:done", "1:database unreachable or without the event table", "2:wrong usage"})
public final class StatsCommand extends Subcommand {

    @Mixin
    private ConnectionOptions ledger;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        return ledger.onLedger(connection -> {
            out().print(StatsReport.format(ledger.displayUrl(), new LedgerStats().compute(connection)));
            out().flush();
            return ReplayCli.OK;
        });
    }
}
