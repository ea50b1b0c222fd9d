package com.interactionledger.command.complaint;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock watch is a subscribing processor whose failures propagate: a complaint command whose clocks cannot be
 * watched fails, instead of leaving a deadline nobody will see pass. The watcher runs on Spring's scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ComplaintClockWatchConfiguration {

    @Bean
    ConfigurerModule complaintClockWatchProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ComplaintClockWatch.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ComplaintClockWatch.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
