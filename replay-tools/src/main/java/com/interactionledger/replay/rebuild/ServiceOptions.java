package com.interactionledger.replay.rebuild;

import com.interactionledger.replay.ReplayCli;
import picocli.CommandLine.Option;

import java.io.IOException;

/**
 * Which running service to ask, and with what token: the options the subcommands that talk to a service share
 * (a picocli mixin), and the one place that turns its refusals and silences into a line and an exit code.
 */
public final class ServiceOptions {

    @Option(names = "--url", paramLabel = "SERVICE", required = true,
            description = "The service, e.g. http://localhost:8080")
    private String url;

    // The token is read from the environment in code, never as picocli's default value: help could show it.
    @Option(names = "--token", paramLabel = "TOKEN",
            description = "An ADMIN bearer token (else LEDGER_TOKEN, which keeps it out of the shell history)")
    private String token;

    /** What a subcommand asks of the service. */
    public interface ServiceAction {
        int run(ProjectionClient client) throws IOException, InterruptedException, ProjectionClient.Refused;
    }

    /**
     * Runs the action against the service. Its problem detail becomes the line, with exit code 5 for something the
     * service does not have (404) and 1 for any other refusal; a service that cannot be reached is 1 too.
     */
    public int ask(ServiceAction action) {
        try {
            return action.run(new ProjectionClient(url, token != null ? token : System.getenv("LEDGER_TOKEN")));
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
