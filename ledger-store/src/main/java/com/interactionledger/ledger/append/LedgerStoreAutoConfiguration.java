package com.interactionledger.ledger.append;

import com.interactionledger.contracts.common.LedgerSerialization;
import com.interactionledger.contracts.common.LedgerUpcasters;
import com.interactionledger.ledger.sealing.CustomerKeys;
import com.interactionledger.ledger.sealing.PersonalDataSerializer;
import com.interactionledger.ledger.sealing.ReadModelSeal;
import com.interactionledger.ledger.schema.RuntimeRolePrivileges;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.util.ConditionalOnMissingQualifiedBean;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The ledger store: the event table and its one append path ({@link LedgerAppendPath}: hash chain, customer index,
 * crypto-shredding), the serializers, the customers' keys, the upcasters and the store's schema — their one home.
 * Every service has it: the command side appends commands' events, a query-side service records every read of
 * personal data in the ledger, and the read models read the events through its serializers.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class, FlywayAutoConfiguration.class})
@PropertySource("classpath:ledger-store.properties")
public class LedgerStoreAutoConfiguration {

    /** The stored form of events, fixed in the contracts module rather than borrowed from the web layer. */
    @Bean
    @Qualifier("eventSerializer")
    @ConditionalOnMissingQualifiedBean(beanClass = Serializer.class, qualifier = "eventSerializer")
    public Serializer eventSerializer(CustomerKeys customerKeys) {
        return new PersonalDataSerializer(LedgerSerialization.eventSerializer(), customerKeys);
    }

    /** The customers' keys for their personal data, wrapped by the configured master keys. */
    @Bean
    @ConditionalOnMissingBean
    public CustomerKeys customerKeys(ConnectionProvider connectionProvider,
                                     @Value("${ledger.privacy.master-keys:}") String masterKeys,
                                     @Value("${ledger.privacy.key-cache:PT30S}") Duration keyCache) {
        return CustomerKeys.configured(connectionProvider, masterKeys, keyCache);
    }

    /**
     * Personal text in the read models, sealed under the customers' keys like the events' (so an erasure shreds it
     * there too), deterministically (so a replay gives the same rows).
     */
    @Bean
    @ConditionalOnMissingBean
    public ReadModelSeal readModelSeal(CustomerKeys customerKeys) {
        return new ReadModelSeal(customerKeys);
    }

    /** Tokens, snapshots and dead letters. */
    @Bean
    @Primary
    @ConditionalOnMissingQualifiedBean(beanClass = Serializer.class, qualifier = "!eventSerializer,messageSerializer")
    public Serializer serializer() {
        return LedgerSerialization.generalSerializer();
    }

    /**
     * PostgreSQL's driver reports a unique violation as SQL state 23505, never as the
     * SQLIntegrityConstraintViolationException Axon's default resolver looks for; without this, two writers of one
     * session would get a generic store error instead of a concurrency conflict (409).
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * The writer of the ledger: batches of appends under one head lock (see {@link GroupCommit}). A batch holds at
     * most {@code ledger.append.max-batch-events} events; the {@link AppendHook}s of the services on the classpath
     * run in each batch's transaction. {@code ledger.append.writers} threads (1) store batches, on a pool of their
     * own on the application's database, so that nothing else can leave them waiting for a connection.
     */
    @Bean(destroyMethod = "close")
    public GroupCommit groupCommit(DataSource dataSource, ObjectProvider<DataSourceProperties> dataSourceProperties,
                                   CustomerKeys customerKeys, StreamHeads streamHeads,
                                   ObjectProvider<AppendHook> hooks, ObjectProvider<MeterRegistry> meters,
                                   @Value("${ledger.append.max-batch-events:1000}") int maxBatchEvents,
                                   @Value("${ledger.append.writers:1}") int writers) {
        DataSourceProperties properties = dataSourceProperties.getIfAvailable();
        DataSource appendConnections = dataSource;
        AutoCloseable close = () -> { };
        if (properties != null && properties.getUrl() != null) {
            HikariDataSource own = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
            own.setPoolName("ledger-append");
            own.setMaximumPoolSize(writers + 1);
            own.setMinimumIdle(1);
            if (properties.getUrl().startsWith("jdbc:postgresql:")) {
                // A batch of rows goes as one multi-row INSERT, not one statement per row.
                own.addDataSourceProperty("reWriteBatchedInserts", "true");
            }
            appendConnections = own;
            close = own::close;
        }
        return new GroupCommit(appendConnections, close, customerKeys, streamHeads, hooks.orderedStream().toList(),
                // Recorded time is the ledger's own wall clock, not the business clock that stamps what happened.
                maxBatchEvents, writers, meters.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
    }

    /** Whether customers are restricted, as the append path recorded it in the events' own transaction. */
    @Bean
    @ConditionalOnMissingBean
    public CustomerRestrictions customerRestrictions(JdbcTemplate jdbc) {
        return new CustomerRestrictions(jdbc);
    }

    /**
     * Connections for the ledger's Axon components (the event store's reads, the customer keys, token store, dead
     * letters): they join the Spring transaction of the current thread when there is one (an event processor's),
     * and otherwise are returned as soon as used. Not Axon's default, which would keep a connection attached to a
     * command's unit of work until it ends — that is, while the command waits for its group commit.
     */
    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /** The last links of recently written streams ({@code ledger.append.stream-heads} of them). */
    @Bean
    public StreamHeads streamHeads(JdbcTemplate jdbc, @Value("${ledger.append.stream-heads:100000}") int capacity) {
        return new StreamHeads(jdbc, capacity);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 StreamHeads streamHeads,
                                                 GroupCommit groupCommit) {
        // The JDBC engine reads; every write goes through the append path.
        return new LedgerAppendPath(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build(), eventSerializer, streamHeads, groupCommit);
    }

    /** The ledger's upcasters in Axon's chain, so every reader of events sees them in their current shape. */
    @Bean
    @ConditionalOnMissingBean(name = "ledgerUpcasters")
    public ConfigurerModule ledgerUpcasters() {
        return configurer -> LedgerUpcasters.all().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
    }

    /** The Java migrations of the ledger store (its SQL ones are found on the classpath). */
    @Bean
    public FlywayConfigurationCustomizer ledgerJavaMigrations() {
        return configuration -> configuration.javaMigrations(javaMigrations());
    }

    /**
     * After the ledger store's migrations, the runtime role (the DataSource's user) gets what the services need and
     * no more: SELECT and INSERT on the append-only tables ({@link RuntimeRolePrivileges}). It matters when the
     * migrations run as an owner of their own ({@code spring.flyway.user}, {@code LEDGER_DB_OWNER}); otherwise it
     * does nothing.
     */
    @Bean
    public RuntimeRolePrivileges runtimeRolePrivileges(DataSource dataSource) {
        return new RuntimeRolePrivileges(dataSource);
    }

    /** The ledger store's Java migrations, for whoever migrates the store without the application (a benchmark). */
    public static JavaMigration[] javaMigrations() {
        return new JavaMigration[] {new LinkEventsRecordedBeforeTheChain(), new IndexEventsRecordedBeforeTheIndex(),
                new RecordTimesInOrder()};
    }
}
