package com.interactionledger.replay;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the tool's secrets (the database password, a service's bearer token) come from: a file named on the command
 * line, else an environment variable, never the command line itself. Every user of the machine can read a process's
 * arguments ({@code ps}, {@code /proc/PID/cmdline}), and the shell keeps them in its history; a file's permissions and
 * a process's environment are its owner's. The options that once took a secret stay, hidden, only to refuse it and
 * say where it goes instead (exit code 2).
 */
public final class Secrets {

    /** The environment variable the database password may come from. */
    public static final String PASSWORD_VARIABLE = "LEDGER_DB_PASSWORD";

    /** What {@code --password} answers (its hidden option's description, so the refusal has one text). */
    public static final String PASSWORD_REFUSED = "--password is not accepted: a command line is seen by every user"
            + " of the machine; put the database password in the environment variable LEDGER_DB_PASSWORD or in a"
            + " file named by --password-file FILE";

    /** What {@code --token} answers. */
    public static final String TOKEN_REFUSED = "--token is not accepted: a command line is seen by every user of"
            + " the machine; put the bearer token in the environment variable LEDGER_TOKEN or in a file named by"
            + " --token-file FILE";

    private Secrets() {
    }

    /**
     * A secret option given on the command line: the line its hidden option's description holds, saying where the
     * secret goes instead. The value given is never repeated (it would end up in a terminal or a job's log).
     */
    public static ParameterException refused(CommandSpec command, String option) {
        return new ParameterException(command.commandLine(), command.findOption(option).description()[0]);
    }

    /** The tool running {@code command}, whose environment the secrets come from. */
    public static ReplayCli tool(CommandSpec command) {
        return (ReplayCli) command.root().userObject();
    }

    /**
     * The secret held in {@code file}: its whole content but the line break an editor or {@code echo} leaves at its
     * end. An unreadable file is unreadable input: exit code 2, naming the option and the file (never the content).
     */
    public static String read(Path file, String option) {
        try {
            return Files.readString(file).replaceFirst("(\r?\n)+\\z", "");
        } catch (NoSuchFileException e) {
            throw new ReplayCli.Failure(ReplayCli.USAGE, "cannot read " + option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new ReplayCli.Failure(ReplayCli.USAGE, "cannot read " + option + " " + file + ": "
                    + ReplayCli.oneLine(e));
        }
    }

    /** The secret in the environment variable, or null when it is unset or empty. */
    public static String fromEnvironment(CommandSpec command, String variable) {
        return fromEnvironment(tool(command)::environment, variable);
    }

    /**
     * The database password: the content of {@code file} when one is named ({@code --password-file}), else
     * {@value #PASSWORD_VARIABLE} from {@code environment}, else null (the URL's password, or none, applies). The one
     * way every tool of the ledger takes it: the replay tools, and the benchmarks and drills of the tools module.
     */
    public static String databasePassword(Path file, UnaryOperator<String> environment) {
        return file != null ? read(file, "--password-file") : fromEnvironment(environment, PASSWORD_VARIABLE);
    }

    private static String fromEnvironment(UnaryOperator<String> environment, String variable) {
        String value = environment.apply(variable);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * The refusal for "--option=value" when that option is a hidden one (a secret refused): the tool's options are
     * written "--option value", so picocli sees an unknown option here, and naming it would print the secret.
     */
    static String refusalOf(String argument, CommandSpec command) {
        int equals = argument.indexOf('=');
        OptionSpec option = equals < 0 ? null : command.findOption(argument.substring(0, equals));
        return option != null && option.hidden() ? option.description()[0] : null;
    }
}
