package com.interactionledger.projections;

import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.projections.privacy.RetentionPeriods;
import com.interactionledger.projections.risk.RiskRules;
import com.interactionledger.projections.schema.ReadModelSchema;
import com.interactionledger.projections.support.Pseudonyms;
import com.interactionledger.projections.support.ReadModelBatches;
import com.interactionledger.projections.support.WakingEventStream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.MetaDataSequencingPolicy;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import javax.sql.DataSource;

/**
 * The read models, switched on by being on the classpath. They read the events through the ledger store's
 * serializers, customer keys and upcasters ({@code ledger-store}'s {@code LedgerStoreAutoConfiguration}, their one
 * home), whether the command side is present or not.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class})
@ComponentScan(basePackageClasses = ProjectionsAutoConfiguration.class)
@PropertySource(value = "classpath:projections.properties", encoding = "UTF-8")
@EnableConfigurationProperties({RiskRules.class, RetentionPeriods.class})
public class ProjectionsAutoConfiguration {

    /**
     * One customer's events go to one segment, in ledger order: for read models whose rules span sessions and
     * complaints of a customer. The append path stamps {@code customerId} on every event.
     */
    @Bean
    public SequencingPolicy<EventMessage<?>> customerSequencingPolicy() {
        return MetaDataSequencingPolicy.builder().metaDataKey(LedgerMetadata.CUSTOMER_ID).build();
    }

    /**
     * Read models apply each batch of events together (rows read and written once per batch), and an event that
     * fails is applied again on its own inside a savepoint, so it alone is dead-lettered (see
     * {@link ReadModelBatches}).
     */
    @Bean
    public ReadModelBatches readModelBatches(JdbcTemplate jdbc, DataSource dataSource,
                                             PlatformTransactionManager transactions) {
        return new ReadModelBatches(jdbc, dataSource, transactions);
    }

    /**
     * What the read models' processors read (their source, {@link ReadModelProcessors}): the event store,
     * waking them as soon as a commit makes new events readable instead of every half second, at most every
     * {@code ledger.read-models.wake-pause} (docs/PERFORMANCE.md weighs freshness against CPU).
     */
    @Bean(destroyMethod = "close")
    public WakingEventStream ledgerEventStream(EventStore eventStore,
                                               @Value("${ledger.read-models.wake-pause:PT0.1S}") Duration pause) {
        return new WakingEventStream(eventStore, Duration.ofMillis(500), pause);
    }

    /** Pseudonymous customer keys for analysts' views; set the secret in production (docs/ANALYTICS.md). */
    @Bean
    public Pseudonyms pseudonyms(@Value("${ledger.analytics.pseudonym-key}") String secret) {
        return new Pseudonyms(secret);
    }

    /** All events one command caused go to one segment, in ledger order (the audit trail groups them). */
    @Bean
    public SequencingPolicy<EventMessage<?>> commandSequencingPolicy() {
        return MetaDataSequencingPolicy.builder().metaDataKey(LedgerMetadata.CAUSATION_ID).build();
    }

    /** Migrated as the ledger store is: as {@code spring.flyway.user} when one is set (the owner role). */
    @Bean(initMethod = "migrate")
    public ReadModelSchema readModelSchema(DataSource dataSource, Environment environment) {
        return new ReadModelSchema(dataSource, ReadModelSchema.migrations(dataSource,
                environment.getProperty("spring.flyway.url"), environment.getProperty("spring.flyway.user"),
                environment.getProperty("spring.flyway.password")));
    }

    /**
     * The JDBC token store as Axon would make it, but with a node id of this instance's own when
     * {@code ledger.node-id} is set. Axon's default (process id @ host) is the same for two instances in one JVM, or
     * for containers that share a host name; a rebuild must be able to tell another instance's claim from its own.
     */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                 ObjectProvider<TokenSchema> tokenSchema, TokenStoreProperties properties,
                                 @Value("${ledger.node-id:}") String nodeId) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder().connectionProvider(connectionProvider)
                .serializer(serializer).schema(tokenSchema.getIfAvailable(() -> TokenSchema.builder().build()))
                .claimTimeout(properties.getClaimTimeout());
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }
}
