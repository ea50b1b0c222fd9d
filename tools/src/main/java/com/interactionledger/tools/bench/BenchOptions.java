package com.interactionledger.tools.bench;

import com.interactionledger.replay.Secrets;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The benchmarks' and the fault drills' command-line options: {@code --name value} pairs. The database password is
 * not one of them: it comes from {@code --password-file} or {@code LEDGER_DB_PASSWORD}, the replay tools' way
 * ({@link Secrets}), because a command line is seen by every user of the machine.
 */
public final class BenchOptions {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final UnaryOperator<String> environment;

    public BenchOptions(String[] args) {
        this(args, System::getenv);
    }

    /** With the environment the password may come from (tests give their own). */
    BenchOptions(String[] args, UnaryOperator<String> environment) {
        this.environment = environment;
        // Before anything else, and whatever its place: a password on the command line is refused, never repeated.
        for (String arg : args) {
            if (arg.startsWith("--") && isPassword(arg.substring(2).split("=", 2)[0])) {
                throw new IllegalArgumentException(Secrets.PASSWORD_REFUSED);
            }
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    public String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /**
     * The database password, read now from {@code --password-file} or else {@code LEDGER_DB_PASSWORD}; null when
     * neither gives one (the URL's password, or none, applies).
     */
    public String password() {
        String file = values.get("password-file");
        return Secrets.databasePassword(file == null ? null : Path.of(file), environment);
    }

    /**
     * The environment that hands {@code password} to a service this tool starts: its own command line would show
     * it to every user of the machine as much as the tool's would.
     */
    public static Map<String, String> serviceEnvironment(String password) {
        return password == null ? Map.of() : Map.of(Secrets.PASSWORD_VARIABLE, password);
    }

    /** Options named {@code --app.NAME VALUE}, as the service's own arguments {@code --NAME=VALUE}. */
    public List<String> passThrough() {
        return values.entrySet().stream().filter(option -> option.getKey().startsWith("app."))
                .map(option -> "--" + option.getKey().substring(4) + "=" + option.getValue()).toList();
    }

    /** {@code --password}, and a password handed through to a service ({@code --app.spring.datasource.password}). */
    private static boolean isPassword(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith("password");
    }
}
