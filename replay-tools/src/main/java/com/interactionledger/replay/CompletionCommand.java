package com.interactionledger.replay;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A bash completion script for the whole tool, generated from the commands themselves, on stdout (picocli's own
 * generate-completion subcommand prints on its "out", which is stderr here). It completes {@code replay-tools},
 * and {@code replay-tools.sh} by any path, since bash falls back to a command's last path component.
 */
@Command(name = "completion",
        description = "Prints a bash completion script: source <(scripts/replay-tools.sh completion)",
        exitCodeList = {"0:done", "2:wrong usage"})
public final class CompletionCommand extends Subcommand {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        out().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out().flush();
        return ReplayCli.OK;
    }
}
