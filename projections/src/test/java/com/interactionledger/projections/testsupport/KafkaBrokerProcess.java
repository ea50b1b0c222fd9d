package com.interactionledger.projections.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in a JVM of its own, started from the test classpath's
 * Kafka artifacts, with its data in a directory that survives a stop: unlike {@link KafkaTestBroker} it can be
 * stopped (or killed) and started again on the same port with the same topics and offsets, as a broker outage
 * would. Its log goes to {@code broker.log} in that directory.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final Path configuration;
    private Process process;

    private KafkaBrokerProcess(Path directory, int port, Path configuration) {
        this.directory = directory;
        this.port = port;
        this.configuration = configuration;
    }

    /** Formats a new broker's storage in a temporary directory, starts it and creates the topic. */
    public static KafkaBrokerProcess start(String topic, int partitions) {
        try {
            Path directory = Files.createTempDirectory("kafka-broker");
            int port = freePort();
            int controllerPort = freePort();
            Path configuration = directory.resolve("server.properties");
            Files.writeString(configuration, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + directory.resolve("data"),
                    "num.partitions=" + partitions,
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=3",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=false",
                    ""));
            Files.writeString(directory.resolve("logback.xml"), """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d %-5level %logger{20} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                      <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                    </configuration>
                    """);
            KafkaBrokerProcess broker = new KafkaBrokerProcess(directory, port, configuration);
            broker.run("format", List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                    configuration.toString())).waitFor(60, TimeUnit.SECONDS);
            broker.startAgain();
            try (Admin admin = broker.admin()) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                        .get(30, TimeUnit.SECONDS);
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not start a Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Starts the broker (again) on its port, with whatever it stored before; returns when it takes connections. */
    public void startAgain() {
        process = run("broker", List.of("kafka.Kafka", configuration.toString()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!accepting()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not start; see " + directory.resolve("broker.log"));
            }
            sleep(100);
        }
    }

    /** Stops the broker as an operator would (SIGTERM, a clean shutdown) and waits until it is gone. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor(process);
        }
    }

    /** Kills the broker (SIGKILL): no clean shutdown. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor(process);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private Process run(String what, List<String> mainAndArguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=" + directory.resolve("logback.xml"),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(what + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A KRaft cluster id: 16 random bytes, URL-safe base64 without padding, as {@code kafka-storage random-uuid}. */
    /**
     * A new cluster id as Kafka makes them: never starting with '-', which the storage tool would read as an option
     * (a plain random base64 id did, once in 64 starts).
     */
    private static String clusterId() {
        return Uuid.randomUuid().toString();
    }
}
