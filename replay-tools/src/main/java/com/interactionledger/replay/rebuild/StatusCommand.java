package com.interactionledger.replay.rebuild;

import com.interactionledger.replay.HelpOption;
import com.interactionledger.replay.ReplayCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "status",
        description = "Lag, replay and dead letters of every event processor of a running service (e.g. --url "
                + "http://localhost:8080). Needs an ADMIN bearer token: --token, or (kept out of the shell "
                + "history) the environment variable LEDGER_TOKEN.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:service unreachable, or it refused (no or wrong token)", "2:wrong usage"})
public final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    private ReplayCli tool;

    @Mixin
    private ServiceOptions service;

    @Mixin
    private HelpOption help;

    @Override
    public Integer call() {
        return service.ask(client -> {
            client.printStatus(tool.out());
            return ReplayCli.OK;
        });
    }
}
