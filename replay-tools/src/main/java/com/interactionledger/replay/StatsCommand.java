package com.interactionledger.replay;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;

@Command(name = "stats",
        description = "Counts events, head position, gaps, sessions, customers and events per type.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:database unreachable or without the event table", "2:wrong usage"})
public final class StatsCommand implements Callable<Integer> {

    @ParentCommand
    private ReplayCli tool;

    @Mixin
    private ConnectionOptions ledger;

    @Mixin
    private HelpOption help;

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        PrintStream out = tool.out();
        return ledger.onLedger(connection -> {
            out.print(StatsReport.format(ledger.displayUrl(), new LedgerStats().compute(connection)));
            out.flush();
            return ReplayCli.OK;
        });
    }
}
