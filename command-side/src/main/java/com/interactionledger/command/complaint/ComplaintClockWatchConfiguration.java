package com.interactionledger.command.complaint;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock watcher runs on Spring's scheduler. (The watch table is kept by {@link ComplaintClockWatch}, a hook of
 * the append path: a complaint command whose clocks cannot be watched fails, instead of leaving a deadline nobody
 * will see pass.)
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ComplaintClockWatchConfiguration {
}
