package com.interactionledger.deploy;

import com.interactionledger.contracts.common.AccessRole;
import com.interactionledger.deploy.identity.LocalIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role x endpoint matrix of docs/PRIVACY-AND-ACCESS.md is what the application does: every endpoint the
 * application maps (found from its handler mappings, so a new one cannot slip past) is in the table, and every cell
 * is called over HTTP — anonymously and with a token holding only that role — and answers as the cell says: 401,
 * 403, or ✓ (past the role check: the endpoint's own answer, here mostly a 400 or 404 for the probe's empty body
 * and unknown ids, so the calls write no business event).
 */
class AccessMatrixTest extends PostgresLedgerTest {

    /** The page that holds the matrix (from the module's directory, where the tests run). */
    private static final Path PAGE = Path.of("../docs/PRIVACY-AND-ACCESS.md");
    private static final String BEGIN = "<!-- access-matrix:begin -->";
    private static final String END = "<!-- access-matrix:end -->";
    private static final List<String> CALLERS = Stream.concat(Stream.of("anonymous"),
            Arrays.stream(AccessRole.values()).map(Enum::name)).toList();

    @Autowired
    ApplicationContext context;


    @Test
    void everyEndpointIsInTheMatrixAndEveryCellAnswersAsDocumented() throws IOException {
        Map<String, List<String>> documented = documentedMatrix();
        assertThat(documented.keySet()).as(PAGE + "'s access matrix lists exactly the mapped endpoints")
                .containsExactlyInAnyOrderElementsOf(mappedEndpoints());

        Map<String, LedgerHttp> callers = new LinkedHashMap<>();
        callers.put("anonymous", http.anonymous());
        for (AccessRole role : AccessRole.values()) {
            // (matrix-system is the machine identity configured to record everything the matrix opens to SYSTEM)
            callers.put(role.name(), http.as(role.name(), "matrix-" + role.name().toLowerCase()));
        }
        long businessEventsBefore = businessEvents();
        List<String> wrong = new ArrayList<>();
        documented.forEach((endpoint, cells) -> {
            for (int i = 0; i < CALLERS.size(); i++) {
                LedgerHttp.Response response = probe(callers.get(CALLERS.get(i)), endpoint);
                String actual = response.status() == 401 || response.status() == 403
                        ? String.valueOf(response.status()) : "✓";
                if (!actual.equals(cells.get(i))) {
                    wrong.add(endpoint + " as " + CALLERS.get(i) + ": documented " + cells.get(i) + ", got "
                            + response);
                }
                if (actual.equals("401")) {
                    assertThat(response.code()).as(endpoint).isEqualTo("UNAUTHENTICATED");
                } else if (actual.equals("403")) {
                    assertThat(response.code()).as(endpoint).isEqualTo("FORBIDDEN");
                }
            }
        });
        assertThat(wrong).as("cells that do not answer as documented").isEmpty();
        assertThat(businessEvents()).as("the probes write no business event").isEqualTo(businessEventsBefore);
    }

    @Test
    void aMachineRecordsOnlyWhatItsIdentityIsConfiguredFor() {
        long before = businessEvents();
        LedgerHttp bot = http.as("SYSTEM", "eva-bot");
        for (String endpoint : List.of("POST /complaints/{complaintId}/resolution",
                "POST /complaints/{complaintId}/referrals", "POST /sessions/{sessionId}/closure")) {
            LedgerHttp.Response refused = probe(bot, endpoint);
            assertThat(refused.status()).as("the bot on " + endpoint).isEqualTo(403);
            assertThat(refused.json().path("detail").asText()).contains("ledger.machines.eva-bot.records");
        }
        assertThat(probe(http.as("SYSTEM", "unknown-machine"), "POST /sessions").code())
                .as("a SYSTEM token of an identity nobody configured records nothing").isEqualTo("FORBIDDEN");
        assertThat(probe(bot, "POST /sessions").status()).as("what the bot is configured for")
                .isNotIn(401, 403);
        assertThat(businessEvents()).isEqualTo(before);
    }

    @Test
    void rolesOfOtherApplicationsInATokenCountForNothing() {
        // A provider's token may carry the roles of many applications; only the ledger's own names count.
        LocalIdentityProvider provider = LocalIdentityProvider.shared();
        LedgerHttp stranger = http.withToken(provider.token("matrix-stranger", "payments-admin", "root"));
        for (String endpoint : List.of("GET /customers/matrix-unknown/timeline", "GET /analytics/satisfaction",
                "POST /privacy/customers/matrix-unknown/erasure", "GET /projections")) {
            assertThat(probe(stranger, endpoint).code()).as(endpoint).isEqualTo("FORBIDDEN");
        }
        LedgerHttp mixed = http.withToken(provider.token("matrix-mixed", "payments-admin", "analyst"));
        assertThat(mixed.get("/analytics/satisfaction").status()).as("role names are case-insensitive").isEqualTo(200);
    }

    @Test
    void anActorThatIsNoIdentifierIsRefusedBeforeAnythingIsRecorded() {
        LedgerHttp odd = http.withToken(LocalIdentityProvider.shared().token("someone@bank.example", "AGENT"));
        LedgerHttp.Response refused = odd.get("/customers/matrix-unknown/timeline");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).contains("actor must be an identifier");
    }

    @Test
    void theSecurityFiltersRunWithoutASpringMvcHandlerLookUpInFrontOfThem() {
        // Spring Security would wrap its chain in a composite that looks every request's handler up first
        // (SecurityChainWithoutHandlerLookup); the matrix above shows the chain still holds every endpoint.
        BeanDefinition chain = ((ConfigurableApplicationContext) context).getBeanFactory()
                .getBeanDefinition("springSecurityFilterChain");
        assertThat(classesIn(chain)).as("the filters the chain is made of")
                .anyMatch(name -> name.endsWith("ServletRequestPathFilter"))
                .noneMatch(name -> name.contains("HandlerMappingIntrospector"));
    }

    /** The classes of a bean definition and of the definitions it is made from (its constructor's arguments). */
    private static List<String> classesIn(Object value) {
        List<String> classes = new ArrayList<>();
        if (value instanceof BeanDefinition definition) {
            if (definition.getBeanClassName() != null) {
                classes.add(definition.getBeanClassName());
            }
            definition.getConstructorArgumentValues().getIndexedArgumentValues().values()
                    .forEach(argument -> classes.addAll(classesIn(argument.getValue())));
        } else if (value instanceof Collection<?> values) {
            values.forEach(each -> classes.addAll(classesIn(each)));
        }
        return classes;
    }

    /** One call of an endpoint: unknown ids for its path variables, an empty JSON object as its body. */
    private static LedgerHttp.Response probe(LedgerHttp caller, String endpoint) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{*path}", "liveness")
                .replaceAll("\\{name}", "matrix-none")
                .replaceAll("\\{[A-Za-z]+}", "matrix-unknown");
        return switch (method) {
            case "GET" -> caller.get(path);
            case "POST" -> caller.post(path, "{}");
            default -> caller.method(method, path);
        };
    }

    /** "METHOD /path" of every handler of every request mapping of the application (any-method ones as GET). */
    private List<String> mappedEndpoints() {
        TreeSet<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET")
                        : info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods) {
                        endpoints.add(method + " " + pattern);
                    }
                }
            }
        }
        return List.copyOf(endpoints);
    }

    /** The page's table: endpoint -> the cells for anonymous, then each role in the enum's order. */
    private static Map<String, List<String>> documentedMatrix() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int from = page.indexOf(BEGIN);
        int to = page.indexOf(END);
        assertThat(from).as(PAGE + " has " + BEGIN).isNotNegative();
        assertThat(to).as(PAGE + " has " + END).isGreaterThan(from);
        List<String> rows = page.substring(from + BEGIN.length(), to).strip().lines().toList();
        assertThat(cells(rows.get(0))).as("the matrix's columns")
                .isEqualTo(Stream.concat(Stream.of("Endpoint"), CALLERS.stream()).toList());
        Map<String, List<String>> matrix = new LinkedHashMap<>();
        for (String row : rows.subList(2, rows.size())) {
            List<String> cells = cells(row);
            String endpoint = cells.get(0).replace("`", "");
            assertThat(matrix.put(endpoint, cells.subList(1, cells.size()))).as("listed once: " + endpoint).isNull();
            assertThat(cells).as(endpoint).hasSize(CALLERS.size() + 1);
        }
        return matrix;
    }

    private static List<String> cells(String row) {
        return Arrays.stream(row.strip().replaceAll("^\\||\\|$", "").split("\\|")).map(String::strip)
                .collect(Collectors.toList());
    }
}
