package com.interactionledger.deploy.services;

import com.interactionledger.deploy.access.AccessConfiguration;
import com.interactionledger.deploy.web.FallbackProblemHandler;
import com.interactionledger.projections.ProjectionsAutoConfiguration;
import com.interactionledger.query.QuerySideAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command-side service of the distributed shape (docs/OPERATIONS.md): the command API, the ledger
 * store and the relay to Kafka; no read models. Any number of instances share the store: appends queue on the
 * chain's head lock, a conflicting write is a 409, and aggregates are loaded from the store on every command (no
 * cache to go stale). Access control is the all-in-one's, the same for every service.
 */
@SpringBootApplication(scanBasePackageClasses = {AccessConfiguration.class, FallbackProblemHandler.class},
        exclude = {ProjectionsAutoConfiguration.class, QuerySideAutoConfiguration.class})
public class CommandSideService {

    public static void main(String[] args) {
        Services.run(CommandSideService.class, "ledger-command-side", args);
    }
}
