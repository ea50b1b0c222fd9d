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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in a JVM of its own, started from the test classpath's
 * Kafka artifacts, with its data in a directory that survives a stop: unlike {@link KafkaTestBroker} it can be
 * stopped (or killed) and started again on the same port with the same topics and offsets, as a broker outage
 * would. Its log goes to {@code broker.log} in that directory.
 * <p>
 * {@link #startSecured} adds a second listener as a bank's broker would have one: TLS with a certificate made for the
 * run (a self-signed one, by the JDK's {@code keytool}) and SASL SCRAM-SHA-512 with one user; the plain listener
 * stays for the test's own set-up and inspection.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    /** The user the secured listener knows, and its password. */
    public static final String USER = "ledger";
    public static final String PASSWORD = "ledger-secret";
    /** The mechanism the secured listener takes. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    private static final String STORE_PASSWORD = "test-store-secret";

    private final Path directory;
    private final int port;
    private final int securedPort;
    private final Path configuration;
    private Process process;

    private KafkaBrokerProcess(Path directory, int port, int securedPort, Path configuration) {
        this.directory = directory;
        this.port = port;
        this.securedPort = securedPort;
        this.configuration = configuration;
    }

    /** Formats a new broker's storage in a temporary directory, starts it and creates the topic. */
    public static KafkaBrokerProcess start(String topic, int partitions) {
        return start(topic, partitions, false);
    }

    /**
     * The same, with a second listener, SASL_SSL: TLS with a self-signed certificate for 127.0.0.1 (clients trust it
     * through {@link #truststore()}) and SCRAM-SHA-512 with the one user {@link #USER}, whose credentials are made
     * when the storage is formatted.
     */
    public static KafkaBrokerProcess startSecured(String topic, int partitions) {
        return start(topic, partitions, true);
    }

    private static KafkaBrokerProcess start(String topic, int partitions, boolean secured) {
        try {
            Path directory = Files.createTempDirectory("kafka-broker");
            int port = freePort();
            int controllerPort = freePort();
            int securedPort = secured ? freePort() : -1;
            Path configuration = directory.resolve("server.properties");
            List<String> listeners = new ArrayList<>(List.of(
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"));
            if (secured) {
                Path keystore = selfSignedKeystore(directory);
                listeners = List.of(
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",SASL_SSL://127.0.0.1:" + securedPort
                                + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",SASL_SSL://127.0.0.1:" + securedPort,
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT",
                        "sasl.enabled.mechanisms=" + MECHANISM,
                        "listener.name.sasl_ssl." + MECHANISM.toLowerCase(Locale.ROOT)
                                + ".sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;",
                        "ssl.keystore.type=PKCS12",
                        "ssl.keystore.location=" + keystore,
                        "ssl.keystore.password=" + STORE_PASSWORD,
                        "ssl.key.password=" + STORE_PASSWORD);
            }
            List<String> settings = new ArrayList<>(List.of(
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort));
            settings.addAll(listeners);
            settings.addAll(List.of(
                    "controller.listener.names=CONTROLLER",
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
            Files.writeString(configuration, String.join("\n", settings));
            Files.writeString(directory.resolve("logback.xml"), """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d %-5level %logger{20} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                      <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                    </configuration>
                    """);
            KafkaBrokerProcess broker = new KafkaBrokerProcess(directory, port, securedPort, configuration);
            List<String> format = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(),
                    "-c", configuration.toString()));
            if (secured) {
                // the user's SCRAM credentials go into the cluster's metadata with the storage, before any client
                format.addAll(List.of("--add-scram", MECHANISM + "=[name=" + USER + ",password=" + PASSWORD + "]"));
            }
            broker.run("format", format).waitFor(60, TimeUnit.SECONDS);
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

    /** The secured listener (SASL_SSL), of a broker started by {@link #startSecured}. */
    public String securedBootstrapServers() {
        if (securedPort < 0) {
            throw new IllegalStateException("this broker has no secured listener: start it with startSecured");
        }
        return "127.0.0.1:" + securedPort;
    }

    /** A PKCS12 store holding the secured listener's certificate, for clients to trust; its password. */
    public Path truststore() {
        return directory.resolve("truststore.p12");
    }

    public String truststorePassword() {
        return STORE_PASSWORD;
    }

    /**
     * The kafka-clients settings of a client of the secured listener that signs in as {@code user} with
     * {@code password} and trusts the broker's certificate.
     */
    public Map<String, String> clientSecurity(String user, String password) {
        return Map.of("security.protocol", "SASL_SSL",
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";",
                "ssl.truststore.type", "PKCS12",
                "ssl.truststore.location", truststore().toString(),
                "ssl.truststore.password", STORE_PASSWORD);
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

    /**
     * A key pair and self-signed certificate for 127.0.0.1 (its subject alternative name, which clients check: they
     * verify the host name by default), in a PKCS12 keystore for the broker, and the certificate alone in a truststore
     * for the clients; made by the JDK's keytool, valid for a few days.
     */
    private static Path selfSignedKeystore(Path directory) throws IOException, InterruptedException {
        Path keystore = directory.resolve("broker.p12");
        Path certificate = directory.resolve("broker.crt");
        keytool(directory, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "3", "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1,DNS:localhost",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD,
                "-keypass", STORE_PASSWORD);
        keytool(directory, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                "-storepass", STORE_PASSWORD, "-file", certificate.toString());
        keytool(directory, "-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", directory.resolve("truststore.p12").toString(),
                "-storepass", STORE_PASSWORD);
        return keystore;
    }

    private static void keytool(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(arguments));
        Path log = directory.resolve("keytool.log");
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + Files.readString(log));
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
