package com.interactionledger.deploy;

import com.interactionledger.deploy.services.CommandSideService;
import com.interactionledger.deploy.services.QuerySideService;
import com.interactionledger.projections.testsupport.KafkaBrokerProcess;
import com.interactionledger.projections.testsupport.TestPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distributed shape in one JVM: a command-side service and a query-side service, each its own application, on
 * one PostgreSQL store and one broker. A command accepted by the command side is read at the query side once it
 * came through Kafka (read-your-writes on the command's position); each service serves its own half of the API.
 */
class DistributedServicesTest {

    private static KafkaBrokerProcess kafka;
    private static ConfigurableApplicationContext commandSide;
    private static ConfigurableApplicationContext querySide;

    @BeforeAll
    static void startServices() {
        kafka = KafkaBrokerProcess.start("ledger-events", 3);
        TestPostgres.Database database = TestPostgres.freshDatabase("services");
        List<String> shared = List.of(TestInstallation.arguments(database.url(), database.user(), database.password(),
                "--ledger.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
        commandSide = new SpringApplicationBuilder(CommandSideService.class).run(with(shared,
                "--ledger.kafka.relay.enabled=true", "--ledger.node-id=command-1"));
        querySide = new SpringApplicationBuilder(QuerySideService.class).run(with(shared,
                "--ledger.kafka.consumer.enabled=true", "--ledger.node-id=query-1"));
    }

    @AfterAll
    static void stopServices() {
        Stream.of(querySide, commandSide).filter(Objects::nonNull).forEach(ConfigurableApplicationContext::close);
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aCommandAcceptedByTheCommandSideIsReadAtTheQuerySideThroughKafka() {
        LedgerHttp commands = new LedgerHttp(port(commandSide)).as("SYSTEM", TestInstallation.BOT);
        LedgerHttp reads = new LedgerHttp(port(querySide)).as("SUPERVISOR", "services-reader");

        LedgerHttp.Response started = commands.post("/sessions", json("sessionId", "services-chat",
                "customerId", "services-customer", "channel", "MOBILE_APP", "entryPoint", "app"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        long position = started.json().path("position").asLong();

        LedgerHttp.Response timeline = reads.get("/customers/services-customer/timeline?waitForPosition=" + position
                + "&waitTimeout=PT30S");
        assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
        assertThat(timeline.data().path("sessions").get(0).path("sessionId").asText()).isEqualTo("services-chat");
        assertThat(timeline.json().path("freshness").path("position").asLong()).isGreaterThanOrEqualTo(position);
    }

    @Test
    void eachServiceServesItsOwnHalfAndOnlyTheQuerySideHasReadModels() {
        LedgerHttp commands = new LedgerHttp(port(commandSide)).as("SUPERVISOR,SYSTEM", "services-probe");
        LedgerHttp reads = new LedgerHttp(port(querySide)).as("SUPERVISOR,SYSTEM", "services-probe");

        assertThat(commands.get("/customers/anyone/timeline").status()).isEqualTo(404);
        assertThat(reads.post("/sessions", json("sessionId", "nowhere", "customerId", "anyone", "channel", "PHONE",
                "entryPoint", "ivr")).status()).isIn(404, 405);
        assertThat(commandSide.getBean(EventProcessingConfiguration.class).eventProcessors().keySet())
                .as("no read model on the command side").doesNotContain("timeline", "complaints", "audit");
        assertThat(querySide.getBean(EventProcessingConfiguration.class).eventProcessors().keySet())
                .contains("timeline", "complaints", "risk-warnings", "audit", "service-analytics", "privacy");
        assertThat(commands.get("/actuator/health/relay").json().path("status").asText()).isEqualTo("UP");
        assertThat(reads.get("/actuator/health/feed").json().path("status").asText()).isEqualTo("UP");
        assertThat(commands.get("/actuator/health/feed").status()).as("no feed on the command side").isEqualTo(404);
        assertThat(reads.get("/actuator/health/relay").status()).as("no relay on the query side").isEqualTo(404);
        for (LedgerHttp service : List.of(commands, reads)) {
            // the probes of deploy/kubernetes and deploy/compose
            assertThat(service.get("/actuator/health/liveness").json().path("status").asText()).isEqualTo("UP");
            assertThat(service.get("/actuator/health/readiness").json().path("status").asText()).isEqualTo("UP");
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static String[] with(List<String> shared, String... more) {
        List<String> arguments = new ArrayList<>(shared);
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }
}
