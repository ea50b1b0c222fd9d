package com.interactionledger.replay;

import com.interactionledger.ledger.stored.LedgerHash;
import com.interactionledger.replay.export.ExportCommand;
import com.interactionledger.replay.export.KeygenCommand;
import com.interactionledger.replay.export.LedgerExport;
import com.interactionledger.replay.export.VerifyExportCommand;
import com.interactionledger.replay.rebuild.RebuildCommand;
import com.interactionledger.replay.rebuild.StatusCommand;
import com.interactionledger.replay.verify.DigestsCommand;
import com.interactionledger.replay.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * Command-line tools that read the ledger directly, without starting the application:
 * {@code scripts/replay-tools.sh <subcommand> --jdbc-url URL ...} (docs/REGULATORS.md).
 * One picocli command per subcommand, each next to the code it drives; this class is the top of the tree, and says
 * how failures become one line on stderr and an exit code.
 * <p>
 * Exit codes: 0 done (and, for verify, the ledger is intact), 1 the database or service could not be reached or
 * read, 2 wrong usage or unreadable input, 3 subcommand not built yet, 4 verify found the ledger (or an export
 * package) broken, 5 history of a customer the ledger does not know, or a read model the service does not have.
 */
@Command(name = "replay-tools", mixinStandardHelpOptions = true, versionProvider = ReplayCli.Version.class,
        description = "Reads the ledger directly, without starting the application (docs/REGULATORS.md). Each "
                + "subcommand's options: replay-tools help COMMAND, or COMMAND --help.",
        subcommands = {StatsCommand.class, VerifyCommand.class, DigestsCommand.class, HistoryCommand.class,
                ExportCommand.class, VerifyExportCommand.class, KeygenCommand.class, StatusCommand.class,
                RebuildCommand.class, HelpCommand.class, CompletionCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (verify: intact)", "1:database or service unreachable or unreadable",
                "2:wrong usage or unreadable input",
                "4:verify found the ledger broken, or verify-export a package changed",
                "5:no such customer or read model"})
public final class ReplayCli implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int BROKEN = 4;
    public static final int NOT_FOUND = 5;

    /** The tool's help, as {@code help}, {@code --help} and a call without a subcommand print it. */
    static final String USAGE_TEXT = commandLine(new ReplayCli(System::getenv, System.out, System.err))
            .getUsageMessage();

    private final UnaryOperator<String> environment;
    private final PrintStream out;
    private final PrintStream err;

    private ReplayCli(UnaryOperator<String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs one subcommand. Its results (reports, JSON, the completion script) go to {@code out}; help, the version,
     * and every failure as one line naming the subcommand go to {@code err}, so what a subcommand prints can be piped
     * or kept without usage text in it.
     *
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(new ReplayCli(System::getenv, out, err)).execute(args);
    }

    /**
     * Runs one subcommand as {@link #run(String[], PrintStream, PrintStream)} does, seeing {@code environment}
     * instead of the process's environment variables (which a test in this JVM cannot set).
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return commandLine(new ReplayCli(Map.copyOf(environment)::get, out, err)).execute(args);
    }

    private static CommandLine commandLine(ReplayCli tool) {
        CommandLine commandLine = new CommandLine(tool)
                // A path may start with '@': never read as a file of arguments.
                .setExpandAtFiles(false)
                // The hand-written parser let a repeated option's last value win; scripts may rely on it.
                .setOverwrittenOptionsAllowed(true)
                // "--jdbc-url URL", as the options have always been written (and "--jdbc-url=URL" never was).
                .setSeparator(" ")
                // Plain text, the same in a terminal, a pipe and a job's log (and USAGE_TEXT is one constant).
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                // picocli prints help and --version on its "out": that is stderr here (see run).
                .setOut(writerOn(tool.err))
                .setErr(writerOn(tool.err))
                // Every instant and duration option is ISO-8601, named with an example when wrong.
                .registerConverter(Instant.class, new IsoTime.InstantConverter())
                .registerConverter(Duration.class, new IsoTime.DurationConverter())
                .setParameterExceptionHandler(ReplayCli::wrongUsage)
                .setExecutionExceptionHandler((failure, command, parsed) -> failed(failure, command));
        // Wide enough for a subcommand's synopsis on a line or two in the tool's help (the old text was wider).
        commandLine.setUsageHelpWidth(100);
        for (CommandLine command : commandLine.getSubcommands().values()) {
            if (command.getCommand() instanceof Subcommand) {
                // Every subcommand's -h/--help, added after its own options so that it is listed last. (The tool's
                // --version stays on the tool; picocli's help subcommand has its own -h.)
                command.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            // Options in the order each subcommand declares them (connection first, --help last), as `help` lists
            // them; and -h not pulled to the front of the synopsis as a cluster of one.
            command.getCommandSpec().usageMessage().sortOptions(false).sortSynopsis(false);
            command.getCommandSpec().parser().posixClusteredShortOptionsAllowed(false);
        }
        commandLine.getSubcommands().get("help").getCommandSpec().usageMessage()
                .description("Shows this text, or a subcommand's options and exit codes (as COMMAND --help does).");
        commandLine.getCommandSpec().usageMessage().sectionMap()
                .put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> commandList(help.commandSpec()));
        return commandLine;
    }

    /** Writes through the stream itself: its own charset, and in order with what else is printed on it. */
    private static PrintWriter writerOn(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] characters, int offset, int length) {
                stream.print(new String(characters, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }

    /** Without a subcommand: what there is to run, and the exit code of wrong usage. */
    @Override
    public Integer call() {
        err.print(USAGE_TEXT);
        return USAGE;
    }

    /** Where the subcommands print their results. */
    public PrintStream out() {
        return out;
    }

    /** An environment variable, or null: where the tool's secrets come from when no file names them. */
    public String environment(String name) {
        return environment.apply(name);
    }

    /** A subcommand's failure: one line for stderr (the handler prefixes the subcommand) and the exit code. */
    public static final class Failure extends RuntimeException {
        private final int exitCode;

        public Failure(int exitCode, String message) {
            // No stack trace: this is an answer for the user, not a bug to find.
            super(message, null, false, false);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** Wrong options: one line naming the subcommand and what is wrong, exit code 2. */
    private static int wrongUsage(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        boolean topLevel = e.getCommandLine().getParent() == null;
        if (topLevel && e instanceof UnmatchedArgumentException unmatched) {
            // No subcommand recognized: the list of them is the useful answer.
            err.println("unknown subcommand: " + unmatched.getUnmatched().get(0));
            err.print(USAGE_TEXT);
        } else {
            err.println(e.getCommandLine().getCommandName() + ": " + problem(e, args));
        }
        err.flush();
        return USAGE;
    }

    private static String problem(ParameterException e, String[] args) {
        // An unknown option is named before a missing one: "--jdbc_url x" is a typo, not a missing --jdbc-url.
        List<String> unmatched = e instanceof UnmatchedArgumentException unknown ? unknown.getUnmatched()
                : e.getCommandLine().getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            String argument = unmatched.get(0);
            String refusal = Secrets.refusalOf(argument, e.getCommandLine().getCommandSpec());
            if (refusal != null) {
                return refusal;
            }
            return (argument.startsWith("-") ? "unknown option " : "unexpected argument ") + argument;
        }
        if (e instanceof MissingParameterException missing) {
            ArgSpec argument = missing.getMissing().get(0);
            if (argument instanceof OptionSpec option) {
                // Given without its value, or not given at all.
                boolean given = Arrays.stream(option.names()).anyMatch(Arrays.asList(args)::contains);
                return option.longestName() + (given ? " needs a value" : " is required");
            }
            // A positional parameter's first line of description says what it is: "name the read model ...".
            String[] description = argument.description();
            if (description.length == 0 || description[0].isBlank()) {
                return argument.paramLabel() + " is required";
            }
            return "name " + Character.toLowerCase(description[0].charAt(0)) + description[0].substring(1);
        }
        if (e.getCause() instanceof TypeConversionException conversion && e.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + " " + conversion.getMessage();
        }
        return oneLine(e);
    }

    /**
     * What a subcommand threw: its {@link Failure} as it says; wrong input (an argument that does not fit, a file
     * that cannot be read or is not what it should be, a key that is not one) exit code 2. Anything else is a bug:
     * its stack trace, exit code 1.
     */
    private static int failed(Exception failure, CommandLine command) {
        PrintWriter err = command.getErr();
        String subcommand = command.getCommandName() + ": ";
        if (failure instanceof Failure known) {
            err.println(subcommand + known.getMessage());
            return known.exitCode();
        }
        if (failure instanceof NoSuchFileException missing) {
            err.println(subcommand + "no such file " + missing.getFile());
            return USAGE;
        }
        if (failure instanceof IOException || failure instanceof GeneralSecurityException
                || failure instanceof IllegalArgumentException) {
            err.println(subcommand + oneLine(failure));
            return USAGE;
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        err.print(subcommand + trace);
        err.flush();
        return FAILED;
    }

    // Driver messages can span lines (PostgreSQL appends "Position:" and hints); one line reads well in a job's log.
    public static String oneLine(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.replaceAll("\\s+", " ").trim();
    }

    /**
     * Each subcommand with what to type (its options, without --help) and what it does: the whole tool on one
     * screen, as the hand-written usage had it. picocli's default list gives names and first lines only.
     */
    private static String commandList(CommandSpec tool) {
        int width = tool.usageMessage().width();
        StringBuilder list = new StringBuilder();
        for (CommandLine subcommand : tool.subcommands().values()) {
            CommandSpec command = subcommand.getCommandSpec();
            list.append(wrap("  ", "      ", width, synopsis(command)));
            String description = String.join(" ", command.usageMessage().description());
            list.append(wrap("        ", "        ", width, List.of(description.split(" "))));
        }
        return list.toString();
    }

    private static List<String> synopsis(CommandSpec command) {
        List<String> words = new ArrayList<>();
        words.add(command.name());
        for (PositionalParamSpec positional : command.positionalParameters()) {
            words.add(positional.arity().min > 0 ? positional.paramLabel() : "[" + positional.paramLabel() + "]");
        }
        for (OptionSpec option : command.options()) {
            if (option.usageHelp() || option.versionHelp() || option.hidden()) {
                continue;
            }
            String usage = option.longestName() + (option.arity().max > 0 ? " " + option.paramLabel() : "");
            words.add(option.required() ? usage : "[" + usage + "]");
        }
        return words;
    }

    /** Words (an option with its value is one) on lines of at most {@code width}. */
    private static String wrap(String indent, String continuation, int width, List<String> words) {
        StringBuilder text = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        boolean empty = true;
        for (String word : words) {
            if (!empty && line.length() + 1 + word.length() > width) {
                text.append(line).append('\n');
                line = new StringBuilder(continuation);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        return text.append(line).append('\n').toString();
    }

    /** The tool's version (from the jar's manifest) and the formats it reads and writes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ReplayCli.class.getPackage().getImplementationVersion();
            return new String[] {"replay-tools " + (version == null ? "(not from a jar: development build)" : version),
                    "hash chain " + LedgerHash.EVENT_FORMAT + ", export packages " + LedgerExport.FORMAT};
        }
    }
}
