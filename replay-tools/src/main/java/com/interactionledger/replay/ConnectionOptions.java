package com.interactionledger.replay;

import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.ledger.sealing.CustomerKeys;
import com.interactionledger.ledger.sealing.PersonalDataSerializer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Where to read the ledger: the options every subcommand that reads the database shares (a picocli mixin), and the
 * one place that turns "cannot connect" and "cannot read" into a line and exit code 1.
 */
public final class ConnectionOptions {

    @Option(names = "--jdbc-url", paramLabel = "URL", required = true,
            description = "The ledger's database, e.g. jdbc:postgresql://127.0.0.1:5432/ledger")
    private String url;

    // Null user and password let credentials embedded in the URL (or the driver's defaults) apply.
    @Option(names = "--user", paramLabel = "U", description = "Database user (else the URL's or the driver's)")
    private String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "A file holding the database password"
            + " (else LEDGER_DB_PASSWORD, else the URL's or none); never the password itself on the command line")
    private Path passwordFile;

    // Kept, hidden, to refuse a password on the command line and say where it goes (Secrets).
    @Option(names = "--password", hidden = true, arity = "0..1", description = Secrets.PASSWORD_REFUSED)
    private void passwordOnTheCommandLine(String given) {
        throw Secrets.refused(command, "--password");
    }

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** Read when the subcommand connects, from --password-file or LEDGER_DB_PASSWORD; null lets the URL's apply. */
    private String password;

    /** What a subcommand does with the ledger, on a connection this mixin opens and closes. */
    public interface LedgerAction {
        int run(Connection connection) throws SQLException, IOException, GeneralSecurityException;
    }

    /**
     * Connects, runs the action, closes. The database's failures become {@link ReplayCli.Failure}s with exit code 1;
     * what the action throws otherwise (a file it cannot read, a wrong argument) goes on to the exception handler.
     */
    public int onLedger(LedgerAction action) throws IOException, GeneralSecurityException {
        if (url.isBlank()) {
            throw new IllegalArgumentException("--jdbc-url is required");
        }
        password = Secrets.databasePassword(passwordFile, Secrets.tool(command)::environment);
        Connection connection;
        try {
            connection = connect();
        } catch (SQLException e) {
            throw new ReplayCli.Failure(ReplayCli.FAILED, "cannot connect to " + displayUrl() + ": "
                    + missingDriver(url, ConnectionOptions.class.getClassLoader()).orElse(ReplayCli.oneLine(e)));
        }
        try (connection) {
            return action.run(connection);
        } catch (SQLException e) {
            throw new ReplayCli.Failure(ReplayCli.FAILED, "cannot read the ledger at " + displayUrl() + ": "
                    + ReplayCli.oneLine(e));
        }
    }

    /**
     * Opens personal fields with the customers' keys, unwrapped by these master keys ({@link PersonalDataOptions}
     * says which); customer keys are read on connections of their own.
     */
    public PersonalDataSerializer personalData(String masterKeys) {
        CustomerKeys keys = CustomerKeys.configured(this::connect, masterKeys, Duration.ofMinutes(5));
        return new PersonalDataSerializer(LedgerSerialization.eventSerializer(), keys);
    }

    /**
     * Why an H2 URL cannot be read here, when the H2 driver is not on the classpath: the service image carries none
     * (it runs on PostgreSQL), the tools' jar does, for the embedded default's file.
     */
    static Optional<String> missingDriver(String url, ClassLoader drivers) {
        if (!url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        try {
            Class.forName("org.h2.Driver", false, drivers);
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("this jar carries no H2 driver (the service image reads PostgreSQL only): read the"
                    + " embedded H2 default with scripts/replay-tools.sh, which runs the tools' jar");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The URL without its query string, which may carry a password and ends up in terminals and logs. */
    public String displayUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    // Whatever logs the options sees no password.
    @Override
    public String toString() {
        return "ConnectionOptions[url=" + displayUrl() + ", user=" + user + "]";
    }
}
