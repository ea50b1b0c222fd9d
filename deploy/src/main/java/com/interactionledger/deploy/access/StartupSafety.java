package com.interactionledger.deploy.access;

import com.interactionledger.ledger.sealing.MasterKeys;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Refuses to start a ledger that is not safe for the data it could hold, before any bean touches the database or
 * opens a port (a bean-factory post-processor runs once every configuration, the modules' property files included,
 * is known and before any bean is made):
 * <ul>
 *     <li>a database is configured, and its driver is on the classpath: the service image carries PostgreSQL's
 *     driver only, and no database by default (the {@code postgres} profile reads {@code LEDGER_DB_URL}); the embedded
 *     H2 default, driver included, is the tools module's ({@code scripts/run.sh});</li>
 *     <li>the development issuer ({@code ledger.access.mode=development}, which signs a token for anyone who asks)
 *     runs only on the embedded H2 database and only on the loopback: never with the {@code postgres} profile or
 *     another database, and the HTTP server is bound to 127.0.0.1 unless {@code server.address} names another
 *     loopback address; its machine identities are the demo's ({@link DevelopmentMachines});</li>
 *     <li>anywhere else (the default, {@code oidc}) no secret this repository publishes is accepted: the development
 *     master key and the development pseudonym key are refused, and a pseudonym key must hold at least
 *     {@value #PSEUDONYM_KEY_BYTES} bytes.</li>
 * </ul>
 * Each refusal names the setting to change. The service holds no signing key of its own: the development issuer's
 * key is made at start-up and dies with the process, and production tokens are signed by the OIDC provider.
 */
public final class StartupSafety implements BeanFactoryPostProcessor, EnvironmentAware {

    static final int PSEUDONYM_KEY_BYTES = 32;
    /** The pseudonym key of projections.properties, published so the embedded default runs with one command. */
    static final String PUBLISHED_PSEUDONYM_KEY = "development-only-pseudonym-key-change-me";
    private static final Set<String> EXTERNAL_H2 = Set.of("jdbc:h2:tcp:", "jdbc:h2:ssl:");
    private static final String H2_DRIVER = "org.h2.Driver";
    /** Where a database comes from, said by every refusal about one. */
    private static final String WHERE_A_DATABASE_COMES_FROM = "the service runs on PostgreSQL: set"
            + " SPRING_PROFILES_ACTIVE=postgres and LEDGER_DB_URL (docs/OPERATIONS.md); the embedded H2 default runs"
            + " from the tools module's jar, which carries H2: scripts/run.sh";

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    /** Checks the settings, binding a development ledger to the loopback; throws if it must not start. */
    static void check(ConfigurableEnvironment environment) {
        check(environment, StartupSafety.class.getClassLoader());
    }

    /** The same, with the database drivers {@code drivers} can load. */
    static void check(ConfigurableEnvironment environment, ClassLoader drivers) {
        List<String> problems = new ArrayList<>();
        database(environment, drivers).ifPresent(problems::add);
        if (development(environment)) {
            if (!problems.isEmpty()) {
                throw refused(problems.get(0));
            }
            developmentOnlyOnItsOwn(environment);
        } else {
            // everything there is to set at once: a service started with nothing lacks a database and its keys
            problems.addAll(publishedSecrets(environment));
            if (!problems.isEmpty()) {
                throw refused(String.join("; ", problems));
            }
        }
    }

    /**
     * What is wrong with the database settings, if anything: none at all (the service has no default database), or
     * an H2 URL where no H2 driver is (the service image carries none), which would otherwise fail later with a
     * driver class Spring cannot load and no word of where H2 is.
     */
    private static Optional<String> database(Environment environment, ClassLoader drivers) {
        String url = environment.getProperty("spring.datasource.url", "").trim();
        if (url.isEmpty()) {
            return Optional.of("no database is configured (spring.datasource.url): " + WHERE_A_DATABASE_COMES_FROM);
        }
        if (url.startsWith("jdbc:h2:") && !loadable(H2_DRIVER, drivers)) {
            return Optional.of("spring.datasource.url is an H2 database (" + withoutCredentials(url) + "), and this"
                    + " jar carries no H2 driver (the service image has none): " + WHERE_A_DATABASE_COMES_FROM);
        }
        return Optional.empty();
    }

    private static boolean loadable(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean development(Environment environment) {
        String mode = environment.getProperty("ledger.access.mode", "oidc").trim();
        return mode.equalsIgnoreCase(AccessProperties.Mode.DEVELOPMENT.name());
    }

    private static void developmentOnlyOnItsOwn(ConfigurableEnvironment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
            throw refused("ledger.access.mode=development (the development issuer signs a token for anyone) does not"
                    + " run with the postgres profile: set LEDGER_ACCESS_MODE=oidc and LEDGER_OIDC_ISSUER");
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:") || EXTERNAL_H2.stream().anyMatch(url::startsWith)) {
            throw refused("ledger.access.mode=development runs only on the embedded H2 database, and"
                    + " spring.datasource.url is " + withoutCredentials(url) + ": set LEDGER_ACCESS_MODE=oidc and"
                    + " LEDGER_OIDC_ISSUER for any other database");
        }
        // the demo's gateways and bot, unless configured otherwise (ledger.machines.*)
        if (!environment.getPropertySources().contains("ledger-development-machines")) {
            environment.getPropertySources().addLast(new MapPropertySource("ledger-development-machines",
                    DevelopmentMachines.PROPERTIES));
        }
        String address = environment.getProperty("server.address");
        if (address == null || address.isBlank()) {
            environment.getPropertySources().addLast(new MapPropertySource("ledger-development-loopback",
                    Map.of("server.address", InetAddress.getLoopbackAddress().getHostAddress())));
        } else if (!loopback(address)) {
            throw refused("ledger.access.mode=development listens only on the loopback, and server.address is "
                    + address + ": remove server.address, or set LEDGER_ACCESS_MODE=oidc");
        }
    }

    private static List<String> publishedSecrets(Environment environment) {
        List<String> problems = new ArrayList<>();
        String masterKeys = environment.getProperty("ledger.privacy.master-keys", "");
        if (!masterKeys.isBlank() && holdsPublishedKey(masterKeys)) {
            problems.add("ledger.privacy.master-keys (LEDGER_MASTER_KEYS) holds the published development key "
                    + MasterKeys.DEVELOPMENT.substring(0, MasterKeys.DEVELOPMENT.indexOf(':')) + ": generate your own"
                    + " (openssl rand -base64 32) and keep the development one out");
        }
        String pseudonymKey = environment.getProperty("ledger.analytics.pseudonym-key");
        if (pseudonymKey != null && PUBLISHED_PSEUDONYM_KEY.equals(pseudonymKey.trim())) {
            problems.add("ledger.analytics.pseudonym-key (LEDGER_ANALYTICS_PSEUDONYM_KEY) is the published"
                    + " development key: set your own secret of at least " + PSEUDONYM_KEY_BYTES + " random bytes");
        } else if (pseudonymKey != null && pseudonymKey.getBytes(StandardCharsets.UTF_8).length < PSEUDONYM_KEY_BYTES) {
            problems.add("ledger.analytics.pseudonym-key (LEDGER_ANALYTICS_PSEUDONYM_KEY) must hold at least "
                    + PSEUDONYM_KEY_BYTES + " bytes (openssl rand -base64 32)");
        }
        if (!problems.isEmpty()) {
            problems.add("published keys are accepted only with ledger.access.mode=development on the embedded H2"
                    + " database");
        }
        return problems;
    }

    private static boolean holdsPublishedKey(String configured) {
        SecretKey published = MasterKeys.parse(MasterKeys.DEVELOPMENT).keys().values().iterator().next();
        MasterKeys keys;
        try {
            keys = MasterKeys.parse(configured);
        } catch (RuntimeException malformed) {
            return false; // the key store's own start-up check says what is wrong with them
        }
        return keys.keys().values().stream()
                .anyMatch(key -> Arrays.equals(key.getEncoded(), published.getEncoded()));
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The URL without a password given in it (a JDBC URL may carry one). */
    private static String withoutCredentials(String url) {
        if (url.isBlank()) {
            return "not set";
        }
        return url.replaceAll("(?i)password=[^;&]*", "password=***");
    }

    private static IllegalStateException refused(String why) {
        return new IllegalStateException("The ledger refuses to start: " + why);
    }
}
