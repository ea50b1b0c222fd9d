package com.interactionledger.replay.rebuild;

import com.interactionledger.replay.ReplayCli;
import com.interactionledger.replay.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;

@Command(name = "rebuild",
        description = "Resets the read model NAME (timeline, complaints, risk-warnings, audit, service-analytics, "
                + "privacy, bot-quality) on the service and follows its replay with a progress bar until it has "
                + "caught up; with --customer, rebuilds only that customer's rows from their events.",
        exitCodeList = {"0:rebuilt", "1:service unreachable, or it refused or failed the rebuild, or the --timeout passed",
                "2:wrong usage", "5:the service has no read model NAME"})
public final class RebuildCommand extends Subcommand {

    /** The read models a service can rebuild, for completion; the service is what decides (404, exit code 5). */
    static final class ReadModels implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("timeline", "complaints", "risk-warnings", "audit", "service-analytics", "privacy",
                    "bot-quality").iterator();
        }
    }

    // A missing NAME is asked for by the first line of its description: "rebuild: name the read model to rebuild".
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = ReadModels.class,
            description = {"The read model to rebuild", "One of: ${COMPLETION-CANDIDATES}"})
    private String name;

    @Mixin
    private ServiceOptions service;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "How long to follow the replay (ISO-8601, default ${DEFAULT-VALUE})")
    private Duration timeout;

    @Option(names = "--customer", paramLabel = "ID", description = "Rebuild only this customer's rows")
    private String customer;

    @Override
    public Integer call() {
        return service.ask(client -> {
            if (customer != null) {
                client.rebuildCustomer(name, customer, out());
            } else {
                client.rebuild(name, timeout, out());
            }
            return ReplayCli.OK;
        });
    }
}
