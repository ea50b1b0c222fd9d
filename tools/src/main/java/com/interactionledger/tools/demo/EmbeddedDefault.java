package com.interactionledger.tools.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The embedded default's database: an H2 file under {@code ledger.data-dir} ({@code ./data}). It lives here, in the
 * tools module, because the H2 driver does: the service image carries none, and the service itself has no default
 * database (it refuses to start without one and says where this one is).
 * <ul>
 *     <li>{@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH}: the read models' SQL and most
 *     migrations are shared with PostgreSQL;</li>
 *     <li>{@code WRITE_DELAY=0}: a ledger must not lose what it acknowledged (H2's default delay lost events on
 *     {@code kill -9}).</li>
 * </ul>
 */
public final class EmbeddedDefault {

    private static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=0";
    /** The URL, with the data directory left to the application's settings. */
    static final String URL = "jdbc:h2:file:${ledger.data-dir:./data}/ledger" + SETTINGS;

    private EmbeddedDefault() {
    }

    /** The datasource settings, as an application's defaults: a profile, a setting or an argument replaces them. */
    public static Map<String, Object> datasource() {
        return Map.of("spring.datasource.url", URL, "spring.datasource.username", "sa",
                "spring.datasource.password", "");
    }

    /** The URL of the embedded database in {@code dataDirectory}. */
    public static String url(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("ledger") + SETTINGS;
    }

    /** Arguments that put a service on the embedded database in {@code dataDirectory}. */
    public static List<String> arguments(Path dataDirectory) {
        return List.of("--spring.datasource.url=" + url(dataDirectory), "--spring.datasource.username=sa",
                "--spring.datasource.password=");
    }
}
