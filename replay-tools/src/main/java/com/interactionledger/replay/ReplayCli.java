package com.interactionledger.replay;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Command-line tools that read the ledger directly, without starting the application:
 * {@code java -cp ... com.interactionledger.replay.ReplayCli stats --jdbc-url URL}.
 * <p>
 * Exit codes: 0 done, 1 the database could not be reached or read, 2 wrong usage, 3 subcommand not built yet.
 */
public final class ReplayCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_AVAILABLE = 3;

    static final String USAGE_TEXT = """
            Usage: ReplayCli <subcommand> [options]

            Subcommands:
              stats --jdbc-url URL [--user U] [--password P]
                    Counts events, head position, gaps, sessions, customers and events per type.
              verify | export | rebuild
                    Not available yet (planned in the regulator replay issue).
              help  Shows this text.

            Exit codes: 0 done, 1 database unreachable or unreadable, 2 wrong usage, 3 not available yet.
            """;

    private ReplayCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        String subcommand = args[0];
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        switch (subcommand) {
            case "help", "--help", "-h" -> {
                err.print(USAGE_TEXT);
                return OK;
            }
            case "stats" -> {
                return stats(options, out, err);
            }
            case "verify", "export", "rebuild" -> {
                // Exit 3, not 0: a script must not mistake a missing verification for a passed one.
                err.println(subcommand + ": not available yet — planned in the regulator replay issue");
                return NOT_AVAILABLE;
            }
            default -> {
                err.println("unknown subcommand: " + subcommand);
                err.print(USAGE_TEXT);
                return USAGE;
            }
        }
    }

    private static int stats(String[] options, PrintStream out, PrintStream err) {
        Target target;
        try {
            target = Target.parse(options);
        } catch (IllegalArgumentException e) {
            err.println("stats: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Connection connection;
        try {
            connection = target.connect();
        } catch (SQLException e) {
            err.println("stats: cannot connect to " + target.displayUrl() + ": " + oneLine(e));
            return FAILED;
        }
        LedgerStats.Result result;
        try (connection) {
            result = new LedgerStats().compute(connection);
        } catch (SQLException e) {
            err.println("stats: cannot read the event store at " + target.displayUrl() + ": " + oneLine(e));
            return FAILED;
        }
        out.print(StatsReport.format(target.displayUrl(), result));
        out.flush();
        return OK;
    }

    // Driver messages can span lines (PostgreSQL appends "Position:" and hints); one line reads well in a job's log.
    private static String oneLine(SQLException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.replaceAll("\\s+", " ").trim();
    }

    /** Where to read the ledger; the later subcommands take the same options. */
    record Target(String url, String user, String password) {

        static Target parse(String[] options) {
            String url = null;
            String user = null;
            String password = null;
            for (int i = 0; i < options.length; i++) {
                String option = options[i];
                if (!option.equals("--jdbc-url") && !option.equals("--user") && !option.equals("--password")) {
                    throw new IllegalArgumentException("unknown option " + option);
                }
                if (i + 1 >= options.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = options[++i];
                switch (option) {
                    case "--jdbc-url" -> url = value;
                    case "--user" -> user = value;
                    default -> password = value;
                }
            }
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("--jdbc-url is required");
            }
            return new Target(url, user, password);
        }

        Connection connect() throws SQLException {
            // Null user and password let credentials embedded in the URL (or the driver's defaults) apply.
            return DriverManager.getConnection(url, user, password);
        }

        /** The URL without its query string, which may carry a password and ends up in terminals and logs. */
        String displayUrl() {
            int query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query);
        }

        // The record's default toString would print the password wherever a Target is logged.
        @Override
        public String toString() {
            return "Target[url=" + displayUrl() + ", user=" + user + "]";
        }
    }
}
