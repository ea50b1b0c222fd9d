package com.interactionledger.tools.importing;

import com.interactionledger.deploy.InteractionLedgerApplication;
import com.interactionledger.ledger.sealing.CustomerKeys;
import com.interactionledger.projections.freshness.ReadModelFreshness;
import com.interactionledger.tools.demo.EmbeddedDefault;
import com.interactionledger.tools.importing.source.SourceColumns;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code scripts/import.sh FORMAT --file FILE [--mapping FILE] [--occurred-at INSTANT] [--strict] [--rejects FILE]
 * [--run-id ID] [--threads N] [--read-models after|during] [--ledger or Spring settings...]}: imports one file into
 * the ledger the settings name (the embedded default's H2 file unless they name another), through the ledger's own
 * command side in this JVM, then waits until every read model has applied what it appended (with
 * {@code --read-models after}, this JVM's read models are paused during the import and catch up after it). Exit
 * codes: 0 imported (rejects may have been written: see the summary), 2 the command line is wrong, 3 the file was
 * refused whole and nothing was written.
 */
public final class ImportCli {

    static final Map<String, SourceFormat> FORMATS = Map.of("cfpb", new CfpbComplaints(), "banking77",
            new Banking77Utterances(), "jddc", new JddcChatLogs(), "twcs", new TwcsThreads());

    private ImportCli() {
    }

    public static void main(String[] args) {
        InteractionLedgerApplication.offline();
        try {
            Importer.Summary summary = run(System.err, args);
            System.out.println(summary);
            System.exit(0);
        } catch (IllegalArgumentException wrong) {
            System.err.println("import: " + wrong.getMessage() + "\n" + usage());
            System.exit(2);
        } catch (Importer.FileRefused refused) {
            System.err.println("import: " + refused.getMessage());
            System.exit(3);
        } catch (IOException e) {
            System.err.println("import: " + e);
            System.exit(1);
        }
    }

    static String usage() {
        return "usage: scripts/import.sh " + String.join("|", FORMATS.keySet()) + " --file FILE [--mapping FILE]"
                + " [--occurred-at INSTANT] [--strict] [--rejects FILE] [--read-models after|during] [--run-id ID]"
                + " [--threads N] [--spring.datasource.url=... and other"
                + " settings of the ledger]";
    }

    /** Runs an import as the command line asks; the application is started for it and stopped after. */
    public static Importer.Summary run(PrintStream progress, String... args) throws IOException {
        if (args.length == 0 || !FORMATS.containsKey(args[0])) {
            throw new IllegalArgumentException("the first argument is the file's format: one of " + FORMATS.keySet());
        }
        SourceFormat format = FORMATS.get(args[0]);
        Map<String, String> options = new HashMap<>();
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--strict")) {
                options.put("strict", "true");
            } else if (List.of("--file", "--mapping", "--occurred-at", "--rejects", "--run-id", "--threads",
                    "--read-models").contains(arg)) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                options.put(arg.substring(2), args[++i]);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                settings.add(arg);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (!options.containsKey("file")) {
            throw new IllegalArgumentException("--file is required");
        }
        Path file = Path.of(options.get("file"));
        Path rejects = Path.of(options.getOrDefault("rejects", file.getFileName() + ".rejects.csv"));
        Map<String, String> mapping = options.containsKey("mapping")
                ? SourceColumns.readMapping(Path.of(options.get("mapping"))) : Map.of();
        int threads = Integer.parseInt(options.getOrDefault("threads", "16"));
        Instant occurredAt = options.containsKey("occurred-at") ? instant(options.get("occurred-at")) : null;
        // the run's id is minted here, at the edge, like every id the ledger is given
        String runId = options.getOrDefault("run-id", "import-" + UUID.randomUUID());
        boolean readModelsAfter = readModelsAfter(options.getOrDefault("read-models", "during"));
        try (ConfigurableApplicationContext ledger = start(settings)) {
            if (readModelsAfter) {
                pauseReadModels(ledger);
            }
            Importer.Summary summary = importer(ledger).run(format, file, new Importer.Run(mapping, occurredAt,
                    options.containsKey("strict"), rejects, runId, threads), progress);
            resumeReadModels(ledger);
            awaitReadModels(ledger);
            return summary;
        }
    }

    /** {@code --occurred-at}: an instant (2019-11-02T00:00:00Z) or a date, taken as its start in UTC. */
    private static Instant instant(String value) {
        try {
            return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--occurred-at " + value + " is neither an instant"
                    + " (2019-11-02T00:00:00Z) nor a date (2019-11-02)");
        }
    }

    /** The importer of this ledger, acting as the identity its configuration names ({@code ledger.import.actor}). */
    public static Importer importer(ConfigurableApplicationContext ledger) {
        return new Importer(ledger.getBean(CommandGateway.class), ledger.getBean(JdbcTemplate.class),
                ledger.getBean(CustomerKeys.class), ledger.getEnvironment().getProperty("ledger.import.actor",
                "importer"));
    }

    /** The ledger without its web edge: the importer is its only client in this JVM. */
    public static ConfigurableApplicationContext start(List<String> settings) {
        SpringApplication application = new SpringApplication(InteractionLedgerApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        // The embedded default as scripts/run.sh runs it (development keys and mode), unless the settings name
        // another database: then production's mode, which checks the keys are no published ones. Either way there
        // is no web edge here, so no token is ever checked and no issuer is needed.
        Map<String, Object> defaults = new HashMap<>(EmbeddedDefault.datasource());
        String profiles = String.valueOf(System.getenv("SPRING_PROFILES_ACTIVE")) + settings.stream()
                .filter(setting -> setting.startsWith("--spring.profiles.active=")).collect(Collectors.joining());
        boolean embedded = !profiles.contains("postgres")
                && settings.stream().noneMatch(setting -> setting.startsWith("--spring.datasource.url="));
        defaults.put("ledger.access.mode", embedded ? "development" : "oidc");
        application.setDefaultProperties(defaults);
        return application.run(settings.toArray(String[]::new));
    }

    /** {@code --read-models during} (the default) or {@code after}. */
    private static boolean readModelsAfter(String value) {
        return switch (value) {
            case "after" -> true;
            case "during" -> false;
            default -> throw new IllegalArgumentException("--read-models is after or during, not " + value);
        };
    }

    /**
     * Stops this JVM's read models, which would otherwise apply the import's events while it appends them: on a small
     * machine they take the cores the import needs, a few events at a time. Resumed after, they catch up in full
     * batches. (Read models of other services on the same ledger — a query-side service — go on as they are.)
     */
    public static void pauseReadModels(ConfigurableApplicationContext ledger) {
        ledger.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                .forEach(EventProcessor::shutDown);
    }

    /** Starts this JVM's read models again after {@link #pauseReadModels}. */
    public static void resumeReadModels(ConfigurableApplicationContext ledger) {
        ledger.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                .forEach(EventProcessor::start);
    }

    /** Waits until every read model has applied every event now on the ledger. */
    public static void awaitReadModels(ConfigurableApplicationContext ledger) {
        Long head = ledger.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry", Long.class);
        ReadModelFreshness freshness = ledger.getBean(ReadModelFreshness.class);
        for (String readModel : ledger.getBean(EventProcessingConfiguration.class).eventProcessors().keySet()) {
            freshness.await(readModel, head, Duration.ofMinutes(30));
        }
    }
}
