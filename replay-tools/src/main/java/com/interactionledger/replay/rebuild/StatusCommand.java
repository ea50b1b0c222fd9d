package com.interactionledger.replay.rebuild;

import com.interactionledger.replay.ReplayCli;
import com.interactionledger.replay.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status",
        description = "Lag, replay and dead letters of every event processor of a running service (e.g. --url "
                + "http://localhost:8080). Needs an ADMIN bearer token: from a file (--token-file) or the "
                + "environment variable LEDGER_TOKEN, never on the command line.",
        exitCodeList = {"0:done", "1:service unreachable, or it refused (no or wrong token)", "2:wrong usage"})
public final class StatusCommand extends Subcommand {

    @Mixin
    private ServiceOptions service;

    @Override
    public Integer call() {
        return service.ask(client -> {
            client.printStatus(out());
            return ReplayCli.OK;
        });
    }
}
