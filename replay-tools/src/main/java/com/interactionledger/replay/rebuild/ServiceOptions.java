package com.interactionledger.replay.rebuild;

import com.interactionledger.replay.ReplayCli;
import com.interactionledger.replay.Secrets;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Which running service to ask, and with what token: the options the subcommands that talk to a service share
 * (a picocli mixin), and the one place that turns its refusals and silences into a line and an exit code.
 */
public final class ServiceOptions {

    @Option(names = "--url", paramLabel = "SERVICE", required = true,
            description = "The service, e.g. http://localhost:8080")
    private String url;

    @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding an ADMIN bearer token"
            + " (else LEDGER_TOKEN); never the token itself on the command line")
    private Path tokenFile;

    // Kept, hidden, to refuse a token on the command line and say where it goes (Secrets).
    @Option(names = "--token", hidden = true, arity = "0..1", description = Secrets.TOKEN_REFUSED)
    private void tokenOnTheCommandLine(String given) {
        throw Secrets.refused(command, "--token");
    }

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** What a subcommand asks of the service. */
    public interface ServiceAction {
        int run(ProjectionClient client) throws IOException, InterruptedException, ProjectionClient.Refused;
    }

    /**
     * Runs the action against the service. Its problem detail becomes the line, with exit code 5 for something the
     * service does not have (404) and 1 for any other refusal; a service that cannot be reached is 1 too.
     */
    public int ask(ServiceAction action) {
        String token = tokenFile != null ? Secrets.read(tokenFile, "--token-file")
                : Secrets.fromEnvironment(command, "LEDGER_TOKEN");
        try {
            return action.run(new ProjectionClient(url, token));
        } catch (ProjectionClient.Refused e) {
            throw new ReplayCli.Failure(e.status() == 404 ? ReplayCli.NOT_FOUND : ReplayCli.FAILED, e.getMessage());
        } catch (IOException e) {
            throw new ReplayCli.Failure(ReplayCli.FAILED, "cannot reach " + url + ": " + ReplayCli.oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayCli.Failure(ReplayCli.FAILED, "interrupted");
        }
    }
}
