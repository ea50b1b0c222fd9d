package com.interactionledger.deploy;

import com.interactionledger.command.relay.RelayProperties;
import com.interactionledger.projections.distribution.FeedProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine or cluster runs here, so the Compose file and the Kubernetes manifests are checked against the
 * application instead: the image is the one the build makes, every entry point exists, every environment variable
 * is one the application reads (and the Kafka ones bind to what each service needs), ports and health paths are the
 * application's, probes and resource requests are there, and the parts refer to each other consistently.
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("").toAbsolutePath();
    private static final String COMMAND_SIDE = "com.interactionledger.deploy.services.CommandSideService";
    private static final String QUERY_SIDE = "com.interactionledger.deploy.services.QuerySideService";
    private static final Set<String> HEALTH_PATHS = Set.of("/actuator/health/liveness", "/actuator/health/readiness");
    /** Read by the JVM and Spring Boot's launcher, not by the application's configuration. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("LOADER_MAIN", "JAVA_TOOL_OPTIONS");

    @Test
    void composeRunsTwoOfEachServiceOnPostgresqlAndKraftBehindAProxy() throws IOException {
        Map<String, Object> compose = yaml(DEPLOY.resolve("compose/compose.yaml"));
        Map<String, Object> services = map(compose.get("services"));

        List<String> commandSides = new ArrayList<>();
        List<String> querySides = new ArrayList<>();
        services.forEach((name, definition) -> {
            Map<String, Object> service = map(definition);
            Map<String, String> environment = strings(map(service.getOrDefault("environment", Map.of())));
            String main = environment.get("LOADER_MAIN");
            if (main == null) {
                return;
            }
            assertThat(service.get("image")).as(name).isEqualTo(expectedImage());
            assertEntryPoint(main);
            assertKnownVariables(name, environment.keySet());
            assertThat(environment.get("PORT")).as(name).isEqualTo(applicationPort());
            assertBindsForItsSide(name, main, environment);
            assertTwoDatabaseRoles(name, environment);
            assertThat(String.valueOf(map(service.get("healthcheck")).get("test")))
                    .contains("/actuator/health/readiness", "/127.0.0.1/" + applicationPort());
            (main.equals(COMMAND_SIDE) ? commandSides : querySides).add(name);
        });
        assertThat(commandSides).hasSize(2);
        assertThat(querySides).hasSize(2);

        Map<String, String> kafka = strings(map(map(services.get("kafka")).get("environment")));
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).as("KRaft, no ZooKeeper").contains("broker", "controller");
        assertThat(kafka.keySet()).noneMatch(key -> key.contains("ZOOKEEPER"));
        Map<String, Object> postgres = map(services.get("postgres"));
        assertThat(postgres.get("image").toString()).startsWith("postgres:");
        // the database's init script makes the two roles the services name, and the database owned by the owner
        assertThat(list(postgres.get("volumes"))).contains(
                "./postgres-roles.sh:/docker-entrypoint-initdb.d/10-ledger-roles.sh:ro");
        Map<String, String> ledgerEnvironment = strings(map(map(services.get(commandSides.get(0)))
                .get("environment")));
        assertThat(DEPLOY.resolve("compose/postgres-roles.sh")).content()
                .contains("CREATE ROLE " + ledgerEnvironment.get("LEDGER_DB_OWNER") + " LOGIN")
                .contains("CREATE ROLE " + ledgerEnvironment.get("LEDGER_DB_USER") + " LOGIN")
                .contains("CREATE DATABASE ledger OWNER " + ledgerEnvironment.get("LEDGER_DB_OWNER") + ";")
                .doesNotContain("SUPERUSER");

        String nginx = Files.readString(DEPLOY.resolve("compose/nginx.conf"));
        List<String> upstreams = new ArrayList<>();
        Matcher server = Pattern.compile("server ([a-z0-9-]+):(\\d+)").matcher(nginx);
        while (server.find()) {
            upstreams.add(server.group(1));
            assertThat(server.group(2)).isEqualTo(applicationPort());
        }
        List<String> ledgerServices = new ArrayList<>(commandSides);
        ledgerServices.addAll(querySides);
        assertThat(upstreams).containsExactlyInAnyOrderElementsOf(ledgerServices);
        assertThat(map(services.get("proxy")).get("ports").toString()).contains(":8080");
    }

    @Test
    void kubernetesDeploymentsHaveProbesRequestsAndConsistentConfiguration() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (var files = Files.list(DEPLOY.resolve("kubernetes"))) {
            for (Path file : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    new Yaml().loadAll(in).forEach(document -> documents.add(map(document)));
                }
            }
        }
        Map<String, Map<String, Object>> configMaps = byKind(documents, "ConfigMap");
        Map<String, Map<String, Object>> secrets = byKind(documents, "Secret");
        Map<String, Map<String, Object>> deployments = byKind(documents, "Deployment");
        Map<String, Map<String, Object>> kubernetesServices = byKind(documents, "Service");
        assertThat(deployments).containsOnlyKeys("ledger-command-side", "ledger-query-side");

        Set<String> mains = new HashSet<>();
        deployments.forEach((name, deployment) -> {
            Map<String, Object> spec = map(deployment.get("spec"));
            assertThat((Integer) spec.get("replicas")).as(name + " replicas").isGreaterThanOrEqualTo(2);
            Map<String, Object> pod = map(spec.get("template"));
            Map<String, Object> container = map(list(map(pod.get("spec")).get("containers")).get(0));
            assertThat(container.get("image")).as(name).isEqualTo(expectedImage());

            Map<String, Object> port = map(list(container.get("ports")).get(0));
            assertThat(String.valueOf(port.get("containerPort"))).isEqualTo(applicationPort());
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
                assertThat(HEALTH_PATHS).as(name + " " + probe).contains((String) httpGet.get("path"));
                assertThat(httpGet.get("port")).isEqualTo(port.get("name"));
            }
            Map<String, Object> requests = map(map(container.get("resources")).get("requests"));
            assertThat(requests).as(name + " resource requests").containsKeys("cpu", "memory");

            Map<String, String> environment = new LinkedHashMap<>();
            for (Object source : list(container.get("envFrom"))) {
                Map<String, Object> from = map(source);
                if (from.containsKey("configMapRef")) {
                    String ref = (String) map(from.get("configMapRef")).get("name");
                    assertThat(configMaps).as(name + " refers to ConfigMap " + ref).containsKey(ref);
                    environment.putAll(strings(map(configMaps.get(ref).get("data"))));
                } else {
                    String ref = (String) map(from.get("secretRef")).get("name");
                    assertThat(secrets).as(name + " refers to Secret " + ref).containsKey(ref);
                    environment.putAll(strings(map(secrets.get(ref).get("stringData"))));
                }
            }
            for (Object variable : list(container.get("env"))) {
                Map<String, Object> entry = map(variable);
                environment.put((String) entry.get("name"), entry.containsKey("value")
                        ? String.valueOf(entry.get("value")) : "from-field");
            }
            String main = environment.get("LOADER_MAIN");
            assertEntryPoint(main);
            mains.add(main);
            assertKnownVariables(name, environment.keySet());
            assertThat(environment.get("PORT")).isEqualTo(applicationPort());
            assertBindsForItsSide(name, main, environment);
            assertTwoDatabaseRoles(name, environment);

            Map<String, Object> service = kubernetesServices.get(name);
            assertThat(service).as("Service for " + name).isNotNull();
            Map<String, Object> serviceSpec = map(service.get("spec"));
            assertThat(map(map(pod.get("metadata")).get("labels"))).as("Service " + name + " selects its pods")
                    .containsAllEntriesOf(map(serviceSpec.get("selector")));
            assertThat(map(list(serviceSpec.get("ports")).get(0)).get("targetPort")).isEqualTo(port.get("name"));
        });
        assertThat(mains).containsExactlyInAnyOrder(COMMAND_SIDE, QUERY_SIDE);
    }

    @Test
    void theDockerfileBuildsTheJarTheBuildMakesAndLetsLoaderMainChooseTheService() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertThat(dockerfile).contains("COPY target/interaction-ledger.jar", "PropertiesLauncher",
                "EXPOSE " + applicationPort(), "docker build -t " + expectedImage());
        assertThat(dockerfile).as("the image is production by default").contains("SPRING_PROFILES_ACTIVE=postgres",
                "LEDGER_ACCESS_MODE=oidc");
        assertThat(DEPLOY.resolve("compose/compose.yaml")).content().contains("context: ..");
    }

    /** The services connect as one role and migrate as another (docs/OPERATIONS.md, "Two database roles"). */
    private static void assertTwoDatabaseRoles(String name, Map<String, String> environment) {
        assertThat(environment).as(name).containsKeys("LEDGER_DB_USER", "LEDGER_DB_PASSWORD", "LEDGER_DB_OWNER",
                "LEDGER_DB_OWNER_PASSWORD");
        assertThat(environment.get("LEDGER_DB_OWNER")).as(name + ": the migrations' role is not the service's")
                .isNotBlank().isNotEqualTo(environment.get("LEDGER_DB_USER"));
    }

    /** Each service's Kafka settings bind to what it needs: the relay on the command side, the feed on the other. */
    private static void assertBindsForItsSide(String name, String main, Map<String, String> environment) {
        Map<String, Object> variables = new HashMap<>(environment);
        StandardEnvironment spring = new StandardEnvironment();
        // in place of this machine's environment, under its name (Spring maps LEDGER_X_Y to ledger.x.y for it)
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        Binder binder = Binder.get(spring);
        RelayProperties relay = binder.bind("ledger.kafka", RelayProperties.class).get();
        FeedProperties feed = binder.bind("ledger.kafka", FeedProperties.class).get();
        assertThat(relay.relay().enabled()).as(name + " relays").isEqualTo(main.equals(COMMAND_SIDE));
        assertThat(feed.consumer().enabled()).as(name + " consumes").isEqualTo(main.equals(QUERY_SIDE));
        assertThat(relay.bootstrapServers()).as(name).isEqualTo(environment.get("LEDGER_KAFKA_BOOTSTRAP_SERVERS"))
                .isNotBlank();
        assertThat(feed.topic()).isEqualTo(relay.topic()).isEqualTo(environment.get("LEDGER_KAFKA_TOPIC"));
    }

    /** Every variable is read by the application: a placeholder in its configuration, or a property's env form. */
    private static void assertKnownVariables(String name, Set<String> variables) {
        Set<String> placeholders = placeholders();
        Set<String> properties = propertyNames();
        for (String variable : variables) {
            if (LAUNCHER_VARIABLES.contains(variable) || placeholders.contains(variable)) {
                continue;
            }
            SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource("one",
                    Map.of(variable, "x"));
            assertThat(properties.stream().anyMatch(source::containsProperty))
                    .as("%s: %s is read by the application", name, variable).isTrue();
        }
    }

    private static void assertEntryPoint(String main) {
        try {
            assertThat(Class.forName(main).getMethod("main", String[].class)).isNotNull();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no entry point " + main, e);
        }
    }

    /** ${NAME...} placeholders in the application's configuration files. */
    private static Set<String> placeholders() {
        Set<String> names = new HashSet<>();
        for (String text : configurationTexts()) {
            Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(text);
            while (placeholder.find()) {
                names.add(placeholder.group(1));
            }
        }
        return names;
    }

    /**
     * The property names the application knows: the keys of its configuration files and of its Kafka settings
     * (records bound with @ConfigurationProperties), plus Spring's own profile switch.
     */
    private static Set<String> propertyNames() {
        Set<String> names = new HashSet<>(List.of("spring.profiles.active"));
        for (String resource : List.of("application.yml", "application-postgres.yml")) {
            flatten("", new Yaml().load(resourceText(resource)), names);
        }
        for (String resource : List.of("ledger-store.properties", "projections.properties")) {
            Properties properties = new Properties();
            try {
                properties.load(new java.io.StringReader(resourceText(resource)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            names.addAll(properties.stringPropertyNames());
        }
        for (Class<?> settings : List.of(RelayProperties.class, FeedProperties.class)) {
            components(settings.getAnnotation(ConfigurationProperties.class).value(), settings, names);
        }
        return names;
    }

    private static void components(String prefix, Class<?> record, Set<String> names) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = prefix + "." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            if (component.getType().isRecord()) {
                components(name, component.getType(), names);
            } else {
                names.add(name);
            }
        }
    }

    private static void flatten(String prefix, Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, names));
        } else {
            names.add(prefix);
        }
    }

    private static List<String> configurationTexts() {
        return List.of(resourceText("application.yml"), resourceText("application-postgres.yml"),
                resourceText("ledger-store.properties"), resourceText("projections.properties"));
    }

    private static String resourceText(String name) {
        try (InputStream in = DeployManifestsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The port the application listens on: application.yml's {@code ${PORT:...}} default. */
    private static String applicationPort() {
        Matcher port = Pattern.compile("port: \\$\\{PORT:(\\d+)}").matcher(resourceText("application.yml"));
        assertThat(port.find()).isTrue();
        return port.group(1);
    }

    /** interaction-ledger:<the project's version>, as the Dockerfile tells to build it. */
    private static String expectedImage() {
        try {
            Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                    .matcher(Files.readString(DEPLOY.resolve("pom.xml")));
            assertThat(version.find()).isTrue();
            return "interaction-ledger:" + version.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return map(new Yaml().load(in));
        }
    }

    private static Map<String, Map<String, Object>> byKind(List<Map<String, Object>> documents, String kind) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        documents.stream().filter(document -> kind.equals(document.get("kind")))
                .forEach(document -> found.put((String) map(document.get("metadata")).get("name"), document));
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }
}
