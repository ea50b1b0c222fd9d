package com.interactionledger.deploy.services;

import com.interactionledger.command.CommandSideAutoConfiguration;
import com.interactionledger.deploy.access.AccessConfiguration;
import com.interactionledger.deploy.web.FallbackProblemHandler;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query-side service of the distributed shape (docs/OPERATIONS.md): the read models and the read
 * API. With {@code ledger.kafka.consumer.enabled=true} its read models are fed from Kafka by a consumer group that
 * all its instances join. It keeps the ledger store (not the command API): every read of personal data is recorded
 * in the ledger. Access control is the all-in-one's, the same for every service.
 */
@SpringBootApplication(scanBasePackageClasses = {AccessConfiguration.class, FallbackProblemHandler.class},
        exclude = CommandSideAutoConfiguration.class)
public class QuerySideService {

    public static void main(String[] args) {
        Services.run(QuerySideService.class, "ledger-query-side", args);
    }
}
