package com.interactionledger.replay.rebuild;

import com.interactionledger.replay.HelpOption;
import com.interactionledger.replay.IsoTime;
import com.interactionledger.replay.ReplayCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rebuild",
        description = "Resets the read model NAME (timeline, complaints, risk-warnings, audit, service-analytics) on "
                + "the service and follows its replay with a progress bar until it has caught up; with --customer, "
                + "rebuilds only that customer's rows from their events.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rebuilt", "1:service unreachable, or it refused or failed the rebuild, or the --timeout passed",
                "2:wrong usage", "5:the service has no read model NAME"})
public final class RebuildCommand implements Callable<Integer> {

    /** The read models a service can rebuild, for completion; the service is what decides (404, exit code 5). */
    static final class ReadModels implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("timeline", "complaints", "risk-warnings", "audit", "service-analytics").iterator();
        }
    }

    @ParentCommand
    private ReplayCli tool;

    // A missing NAME is asked for by the first line of its description: "rebuild: name the read model to rebuild".
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = ReadModels.class,
            description = {"The read model to rebuild", "One of: ${COMPLETION-CANDIDATES}"})
    private String name;

    @Mixin
    private ServiceOptions service;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT1H",
            converter = IsoTime.DurationConverter.class,
            description = "How long to follow the replay (ISO-8601, default ${DEFAULT-VALUE})")
    private Duration timeout;

    @Option(names = "--customer", paramLabel = "ID", description = "Rebuild only this customer's rows")
    private String customer;

    @Mixin
    private HelpOption help;

    @Override
    public Integer call() {
        return service.ask(client -> {
            if (customer != null) {
                client.rebuildCustomer(name, customer, tool.out());
            } else {
                client.rebuild(name, timeout, tool.out());
            }
            return ReplayCli.OK;
        });
    }
}
