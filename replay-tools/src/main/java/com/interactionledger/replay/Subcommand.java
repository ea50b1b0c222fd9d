package com.interactionledger.replay;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * What every subcommand of the tool has in common: picocli gives a subclass this class's {@code @Command}
 * attributes (each subcommand adds its name, description and exit codes), and the subcommand prints its result
 * where the tool says. Its -h/--help is added by {@link ReplayCli} once the subcommand's own options are known:
 * picocli lists a superclass's options first, and --help comes last.
 */
@Command(exitCodeListHeading = "%nExit codes:%n")
public abstract class Subcommand implements Callable<Integer> {

    @ParentCommand
    private ReplayCli tool;

    /** Where the result goes (stdout, or what a test gave {@link ReplayCli#run}); help and failures go to stderr. */
    protected PrintStream out() {
        return tool.out();
    }

    /** An environment variable of the tool's process (or what a test gave {@link ReplayCli#run}), or null. */
    protected String environment(String name) {
        return tool.environment(name);
    }
}
