package com.interactionledger.command;

import com.interactionledger.command.audit.CommandRefusals;
import com.interactionledger.command.idempotency.IdempotencyStore;
import com.interactionledger.command.idempotency.OutcomeRecordingInterceptor;
import com.interactionledger.ledger.append.LedgerCorrelationData;
import com.interactionledger.ledger.append.LedgerDigests;
import com.interactionledger.ledger.append.LedgerStoreAutoConfiguration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import com.interactionledger.command.web.MachineCallers;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.IdGenerator;

import java.time.Clock;

/**
 * The command side, switched on by being on the classpath: the dialogue and complaint aggregates and their command
 * API, idempotency, the refusals' audit records, the relay to Kafka. The ledger store they append to is
 * {@link LedgerStoreAutoConfiguration}'s, which a query-side service uses without all this. An application (the
 * all-in-one, or a command-side service) only adds a DataSource.
 */
@AutoConfiguration(after = LedgerStoreAutoConfiguration.class,
        before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class})
@ComponentScan(basePackageClasses = CommandSideAutoConfiguration.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = AutoConfiguration.class))
@EnableConfigurationProperties(MachineCallers.class)
public class CommandSideAutoConfiguration {

    /**
     * The command side records the hash chain's digests on its schedule (a query-side service, which appends only
     * records of reads, leaves that to the command side).
     */
    @Bean
    public LedgerDigests ledgerDigests(JdbcTemplate jdbc, Clock clock) {
        return new LedgerDigests(jdbc, clock);
    }

    /** Time enters the ledger here only; tests replace it with a fixed clock. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Ids minted at the edge (sessions, messages, correlation) when the client sent none. */
    @Bean
    @ConditionalOnMissingBean
    public IdGenerator idGenerator() {
        return new AlternativeJdkIdGenerator();
    }

    @Bean
    public CorrelationDataProvider ledgerCorrelationData() {
        return new LedgerCorrelationData();
    }

    @Bean
    public IdempotencyStore idempotencyStore(JdbcTemplate jdbc) {
        return new IdempotencyStore(jdbc);
    }

    @Bean
    public CommandRefusals commandRefusals(EventStorageEngine ledger, Clock clock, IdGenerator ids) {
        return new CommandRefusals(ledger, clock, ids);
    }

    /**
     * The command bus, with no database transaction around a command: a command decides on its session (in memory,
     * or loaded from the store) and its events are committed by the append path's group commit, in a transaction it
     * shares with the appends that arrived at the same time ({@code GroupCommit}). Otherwise Axon's own.
     */
    @Bean
    @Qualifier("localSegment")
    public SimpleCommandBus commandBus(org.axonframework.config.Configuration axon,
                                       DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus bus = SimpleCommandBus.builder()
                .transactionManager(NoTransactionManager.INSTANCE)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    /** Axon's interceptor auto-configuration registers it on the command bus before the application serves. */
    @Bean
    public OutcomeRecordingInterceptor outcomeRecordingInterceptor(IdempotencyStore idempotency,
                                                                   CommandRefusals refusals, Clock clock) {
        return new OutcomeRecordingInterceptor(idempotency, refusals, clock);
    }
}
