package com.interactionledger.replay;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} for a subcommand: its own usage. (The tool's --version stays on the tool.) */
public final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean requested;
}
