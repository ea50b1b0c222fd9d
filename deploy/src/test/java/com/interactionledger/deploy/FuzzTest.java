package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.deploy.identity.LocalIdentityProvider;
import com.interactionledger.projections.testsupport.TestPostgres;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzzing campaign's first part: generated bad requests (wrong JSON types, missing and extra fields, huge, empty,
 * control-character and mixed-script strings, invalid ids, wrong states, forged authors, expired, foreign and absent
 * tokens, Idempotency-Keys replayed with other bodies) across the command and read endpoints of the whole application
 * on a PostgreSQL database of its own, over real HTTP. For each: no 5xx (but a documented 504
 * {@code READ_MODEL_BEHIND}); every error is problem+json with a code of {@link ErrorCode}; a refused request appends
 * nothing to the business record (sessions' and complaints' events); and the service is healthy at the end.
 * The seed is fixed; CI runs {@code jqwik.tries.default} (300, junit-platform.properties) tries, scripts/fuzz.sh more.
 */
class FuzzTest {

    private static final String SESSION = "fz-open";
    private static final String HANDED_OFF = "fz-agent";
    private static final String COMPLAINT = "fz-cmp";
    private static final String CUSTOMER = "fz-customer";
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private static ConfigurableApplicationContext application;
    private static JdbcTemplate jdbc;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static RSAKey foreignKey;
    private static final AtomicInteger TRIES = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static final AtomicInteger READ_MODEL_BEHIND = new AtomicInteger();
    private static long started;

    @BeforeContainer
    static void startApplication() throws Exception {
        started = System.nanoTime();
        TestPostgres.Database db = TestPostgres.freshDatabase("fuzz");
        application = new SpringApplicationBuilder(InteractionLedgerApplication.class)
                .run(TestInstallation.arguments(db.url(), db.user(), db.password()));
        jdbc = application.getBean(JdbcTemplate.class);
        base = "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port");
        foreignKey = new RSAKeyGenerator(2048).keyID(LocalIdentityProvider.KEY_ID).generate();
        LedgerHttp http = new LedgerHttp(Integer.parseInt(application.getEnvironment()
                .getProperty("local.server.port")));
        LedgerHttp gateway = http.as("SYSTEM", TestInstallation.GATEWAY);
        ok(http.post("/sessions", json("sessionId", SESSION, "customerId", CUSTOMER, "channel", "WEB_CHAT",
                "entryPoint", "web")));
        ok(gateway.post("/sessions/" + SESSION + "/messages", json("messageId", "m1", "authorRole", "CUSTOMER",
                "text", "hello")));
        ok(http.post("/sessions", json("sessionId", HANDED_OFF, "customerId", CUSTOMER, "channel", "WEB_CHAT",
                "entryPoint", "web")));
        ok(http.post("/sessions/" + HANDED_OFF + "/handoff", json("queue", "cards", "reason", "asked",
                "contextSummary", "card blocked")));
        ok(http.post("/sessions/" + HANDED_OFF + "/assignment", json("agentId", "fz-agent-1")));
        ok(http.as("AGENT", "complaints-handler-1").post("/complaints", json("complaintId", COMPLAINT,
                "customerId", CUSTOMER, "sessions", List.of(SESSION), "channel", "WEB_CHAT", "product",
                "credit_card", "category", "fees", "description", "Charged a late fee",
                "amountInDispute", Map.of("amount", "12.00", "currency", "GBP"), "jurisdiction", "UK_FCA")));
    }

    @AfterContainer
    static void healthyAfterwards() throws Exception {
        try {
            if (application != null) {
                HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                // Every part is UP, but the business calendars may warn that one ends soon (not the fuzzing's doing).
                JsonNode parts = LedgerHttp.JSON.readTree(health.body()).path("components");
                assertThat(parts.has("db")).as(parts.toString()).isTrue();
                parts.fieldNames().forEachRemaining(part -> assertThat(parts.path(part).path("status").asText())
                        .as(part).isIn(part.equals("calendars") ? List.of("UP", "WARNING") : List.of("UP")));
                System.out.printf("FuzzTest: %d tries, %d refused, %d READ_MODEL_BEHIND, 0 other 5xx, %.1f s%n",
                        TRIES.get(), REFUSED.get(), READ_MODEL_BEHIND.get(), (System.nanoTime() - started) / 1e9);
            }
        } finally {
            if (application != null) {
                application.close();
            }
        }
    }

    private static void ok(LedgerHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    /** One generated request. */
    record Request(String method, String path, String contentType, String body, String authorization,
                   Map<String, String> headers) {
        @Override
        public String toString() {
            String shown = body == null ? "null" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length()
                    + " chars)" : body;
            return method + " " + path + " [" + contentType + "] " + headers + " auth=" + (authorization == null
                    ? "none" : authorization.length() > 40 ? authorization.substring(0, 40) + "…" : authorization)
                    + " body=" + shown;
        }
    }

    @Property(seed = "20261207", shrinking = ShrinkingMode.BOUNDED)
    void badRequestsAreRefusedCleanly(@ForAll("requests") Request request) throws Exception {
        TRIES.incrementAndGet();
        long before = businessEvents();
        HttpResponse<String> response = send(request);
        long after = businessEvents();
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String what = request + " -> " + status + " " + contentType + " " + abbreviated(response.body());
        if (status == 504) {
            assertThat(code(response)).as(what).isEqualTo("READ_MODEL_BEHIND");
            READ_MODEL_BEHIND.incrementAndGet();
        } else {
            assertThat(status).as(what).isLessThan(500);
        }
        if (status >= 400) {
            REFUSED.incrementAndGet();
            assertThat(contentType).as(what).startsWith("application/problem+json");
            assertThat(code(response)).as(what).isIn(CODES);
            assertThat(after).as("business events appended by a refused request: " + what).isEqualTo(before);
        }
    }

    private static String abbreviated(String body) {
        return body == null || body.length() < 500 ? body : body.substring(0, 500) + "…";
    }

    private static String code(HttpResponse<String> response) {
        try {
            JsonNode json = LedgerHttp.JSON.readTree(response.body());
            return json.path("code").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static long businessEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE type IN ('InteractionSession',"
                + " 'Complaint')", Long.class);
    }

    private static HttpResponse<String> send(Request request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(Duration.ofSeconds(40))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.authorization() != null) {
            builder.header("Authorization", request.authorization());
        }
        request.headers().forEach(builder::header);
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- generators ------------------------------------------------------------------------------------------

    /** An endpoint: method, path with {s} (session), {c} (complaint), {u} (customer), and a valid body or null. */
    record Endpoint(String method, String path, Map<String, Object> body) {
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static final List<Endpoint> COMMANDS = List.of(
            new Endpoint("POST", "/sessions", map("customerId", CUSTOMER, "channel", "WEB_CHAT", "entryPoint", "web")),
            new Endpoint("POST", "/sessions/{s}/messages", map("authorRole", "CUSTOMER", "text", "hi")),
            new Endpoint("POST", "/sessions/{s}/messages", map("authorRole", "AGENT", "authorId", "fz-agent-1",
                    "text", "hi")),
            new Endpoint("POST", "/sessions/{s}/intents", map("messageId", "m1", "label", "card", "confidence", 0.5,
                    "classifier", map("name", "c", "version", "1"))),
            new Endpoint("POST", "/sessions/{s}/sentiments", map("score", 0.1, "model", map("name", "m",
                    "version", "1"))),
            new Endpoint("POST", "/sessions/{s}/handoff", map("queue", "q", "reason", "r", "contextSummary", "c")),
            new Endpoint("POST", "/sessions/{s}/assignment", map("agentId", "fz-agent-2")),
            new Endpoint("POST", "/sessions/{s}/transfers", map("toAgentId", "fz-agent-2", "mode", "COLD",
                    "reason", "r")),
            new Endpoint("POST", "/sessions/{s}/hold", map("reason", "r")),
            new Endpoint("POST", "/sessions/{s}/resume", null),
            new Endpoint("POST", "/sessions/{s}/resolution", map("resolutionCode", "ok",
                    "firstContactResolution", true)),
            new Endpoint("POST", "/sessions/{s}/abandonment", map("reason", "BY_CUSTOMER")),
            new Endpoint("POST", "/sessions/{s}/closure", null),
            new Endpoint("POST", "/sessions/{s}/survey", map("csat", 5, "nps", 9, "comment", "fine")),
            new Endpoint("POST", "/complaints", map("customerId", CUSTOMER, "channel", "WEB_CHAT", "product",
                    "credit_card", "category", "fees", "description", "d", "jurisdiction", "UK_FCA")),
            new Endpoint("POST", "/complaints/{c}/acknowledgement", null),
            new Endpoint("POST", "/complaints/{c}/assignment", map("handlerId", "h1", "team", "t")),
            new Endpoint("POST", "/complaints/{c}/information-requests", map("request", "r")),
            new Endpoint("POST", "/complaints/{c}/information", map("summary", "s")),
            new Endpoint("POST", "/complaints/{c}/extensions", map("reason", "r")),
            new Endpoint("POST", "/complaints/{c}/extensions/approval", null),
            new Endpoint("POST", "/complaints/{c}/holding-responses", map("summary", "s")),
            new Endpoint("POST", "/complaints/{c}/resolution-proposals", map("outcome", "UPHELD", "redress",
                    map("monetary", map("amount", "1.00", "currency", "GBP")), "summary", "s")),
            new Endpoint("POST", "/complaints/{c}/resolution", map("outcome", "REJECTED", "summary", "s")),
            new Endpoint("POST", "/complaints/{c}/acceptance", null),
            new Endpoint("POST", "/complaints/{c}/dispute", map("reason", "r")),
            new Endpoint("POST", "/complaints/{c}/referrals", map("body", "OMBUDSMAN", "bodyName", "FOS")),
            new Endpoint("POST", "/complaints/{c}/reopening", map("reason", "r")),
            new Endpoint("POST", "/privacy/customers/{u}/erasure", map("legalBasis", "art17")),
            new Endpoint("POST", "/privacy/customers/{u}/erasure/approval", null),
            new Endpoint("POST", "/privacy/customers/{u}/legal-holds", map("reference", "hold-1")),
            new Endpoint("POST", "/privacy/customers/{u}/legal-holds/hold-1/release", null),
            new Endpoint("POST", "/privacy/customers/{u}/restriction", map("legalBasis", "art18")),
            new Endpoint("POST", "/privacy/customers/{u}/restriction/lifting", map("legalBasis", "art18")));

    private static final List<String> READS = List.of("/sessions/{s}", "/customers/{u}/timeline", "/complaints/{c}",
            "/complaints", "/complaint-statistics", "/complaint-statistics/repeat-complainants",
            "/complaint-statistics/per-thousand-sessions", "/risk-warnings", "/customers/{u}/risk-warnings",
            "/analytics/satisfaction", "/analytics/service-efficiency", "/audit/commands", "/audit/reads",
            "/projections", "/projections/{s}", "/regulator/customers/{u}/history", "/privacy/retention-report");

    private static final List<String> FIELDS = List.of("sessionId", "customerId", "channel", "socialNetwork",
            "entryPoint", "language", "queue", "continuation", "messageId", "authorRole", "authorId", "text",
            "attachments", "label", "confidence", "classifier", "score", "model", "reason", "contextSummary",
            "agentId", "toAgentId", "toQueue", "mode", "note", "resolutionCode", "firstContactResolution", "csat",
            "nps", "comment", "complaintId", "sessions", "product", "category", "description", "amountInDispute",
            "jurisdiction", "regime", "handlerId", "request", "summary", "outcome", "redress", "body", "bodyName",
            "legalBasis", "reference", "summaryResolution", "previousSessionId", "unknownField", "");

    private static final List<String> PARAMETERS = List.of("from", "to", "order", "limit", "cursor", "after", "at",
            "asOf", "state", "open", "jurisdiction", "product", "category", "channel", "situation", "within",
            "groupBy", "minimum", "days", "customerId", "actorId", "outcome", "reason", "agent", "waitForPosition",
            "waitTimeout", "segment", "continued");

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\t", "x", "hello", "null", "true", "0", "-1", "1e309", "NaN",
                        "2026-02-30T25:61:00Z", "2026-01-01T00:00:00Z", "P-1D", "PT999999H", "\u0000", "\u0000\u0001\u001f\u007f",
                        "\u202egnp.exe", "Пpивет مرحبا 你好 🙂 ẞ", "a\u0301\u0301\u0301", "\ud83d", "\ufeffbom",
                        "<script>alert(1)</script>", "'; DROP TABLE domainevententry; --", "${jndi:ldap://x}",
                        "%00", "../../etc/passwd", "CUSTOMER", "AGENT", "BOT", "SYSTEM", "SUPERVISOR", "WARM", "COLD",
                        "UK_FCA", "US_CFPB", "CN_NFRA", "BY_TIMEOUT", "OMBUDSMAN", "UPHELD", "GBP", "XXX", "PHONE",
                        "SOCIAL", "EMAIL", SESSION, HANDED_OFF, COMPLAINT, CUSTOMER, "m1", "fz-agent-1",
                        "fz-agent-2", "test-agent-desktop", "test-gateway", "a".repeat(64), "a".repeat(65)),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of(201, 1001, 20_001, 70_000, 300_000).map("y"::repeat));
    }

    private static Arbitrary<Object> values() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                strings().map(s -> (Object) s),
                Arbitraries.of(0, -1, 1, 5, 6, 11, Integer.MAX_VALUE, Long.MIN_VALUE, 0.5, -1.5, 1.0000001, 1e308,
                        new java.math.BigInteger("123456789012345678901234567890"), true, false)
                        .map(v -> (Object) v),
                Arbitraries.<Object>just(null));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalars),
                net.jqwik.api.Tuple.of(1, scalars.list().ofMaxSize(3).map(l -> (Object) l)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(FIELDS), scalars)
                        .as((k, v) -> (Object) map(k, v))));
    }

    /** A valid body mutated: fields removed, replaced by other types or values, and unknown ones added. */
    private static Arbitrary<String> mutatedBody(Map<String, Object> valid) {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.of(FIELDS), values()).as(Mutation::new);
        return mutation.list().ofMinSize(0).ofMaxSize(3).map(mutations -> {
            Map<String, Object> body = new LinkedHashMap<>(valid == null ? Map.of() : valid);
            List<String> keys = new ArrayList<>(body.keySet());
            for (Mutation m : mutations) {
                switch (m.kind()) {
                    case 0 -> {
                        if (!keys.isEmpty()) {
                            body.remove(keys.get(Math.floorMod(m.field().hashCode(), keys.size())));
                        }
                    }
                    case 1 -> {
                        if (!keys.isEmpty()) {
                            body.put(keys.get(Math.floorMod(m.field().hashCode(), keys.size())), m.value());
                        }
                    }
                    default -> body.put(m.field(), m.value());
                }
            }
            return body(body);
        });
    }

    record Mutation(int kind, String field, Object value) {
    }

    private static String body(Map<String, Object> body) {
        try {
            return LedgerHttp.JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arbitrary<String> rawBodies() {
        return Arbitraries.of("", "{", "}", "[]", "null", "42", "\"text\"", "{\"text\":}", "{\"text\":\"a\"",
                "{'text':'a'}", "{\"text\":\"\\ud800\"}", "{\"score\":1e999999}", "{\"csat\":1e400}",
                "{\"csat\":123456789012345678901234567890}", "{\"a\":1,\"a\":2}", "\u0000",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "{\"text\":\"" + "\\u0000".repeat(1000) + "\"}", "\ufeff{}").injectNull(0.1);
    }

    private static Arbitrary<String> ids() {
        return Arbitraries.oneOf(
                Arbitraries.of(SESSION, HANDED_OFF, COMPLAINT, CUSTOMER).map(FuzzTest::encoded),
                Arbitraries.of("no-such-id", "a".repeat(64), "fz-agent-1", "m1").map(FuzzTest::encoded),
                Arbitraries.of("bad%20id", "a".repeat(65), "%00", "..", "%2E%2E", "%2F", "x%0Ay", "%E2%80%AE",
                        "%C3%BC%C3%B1", "%FF", "%25", "a;b", "-x", ".x", "%3Cscript%3E"),
                strings().map(FuzzTest::encoded));
    }

    private static String encoded(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String substituted(String template, String id) {
        return template.replace("{s}", id).replace("{c}", id).replace("{u}", id);
    }

    private static Arbitrary<String> paths(String template) {
        Arbitrary<String> fixture = Arbitraries.just(template.replace("{s}", SESSION).replace("{c}", COMPLAINT)
                .replace("{u}", CUSTOMER));
        Arbitrary<String> handedOff = Arbitraries.just(template.replace("{s}", HANDED_OFF).replace("{c}", COMPLAINT)
                .replace("{u}", CUSTOMER));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, fixture), net.jqwik.api.Tuple.of(2, handedOff),
                net.jqwik.api.Tuple.of(3, ids().map(id -> substituted(template, id))));
    }

    private static Arbitrary<String> query() {
        Arbitrary<String> parameter = Combinators.combine(Arbitraries.of(PARAMETERS), Arbitraries.oneOf(strings(),
                Arbitraries.of("-5", "0", "101", "9223372036854775807", "9223372036854775808", "PT0S", "PT31S",
                        "PT0.2S", "desc", "asc", "overdue", "due-soon", "week", "nope"))).as((k, v) ->
                encoded(k) + "=" + encoded(v.length() > 10_000 ? v.substring(0, 10_000) : v));
        return parameter.list().ofMaxSize(3).map(list -> list.isEmpty() ? "" : "?" + String.join("&", list));
    }

    private static String token(String roles, String actor) {
        return TOKENS.computeIfAbsent(roles + "|" + actor, key -> LocalIdentityProvider.shared().token(actor,
                roles.split(",")));
    }

    private static Arbitrary<String> authorizations() {
        Arbitrary<String> valid = Combinators.combine(
                Arbitraries.of("AGENT", "SUPERVISOR", "ANALYST", "REGULATOR", "ADMIN", "SYSTEM", "AGENT,ADMIN", "NOBODY"),
                Arbitraries.of("test-agent-desktop", "fz-agent-1", "fz-agent-2", "complaints-handler-1",
                        TestInstallation.GATEWAY, TestInstallation.BOT, "unknown-machine", "erasure-approver"))
                .as((roles, actor) -> "Bearer " + token(roles, actor));
        Arbitrary<String> gateway = Arbitraries.just(TestInstallation.GATEWAY).map(g -> "Bearer " + token("SYSTEM", g));
        Arbitrary<String> bad = Arbitraries.of("expired", "foreign", "audience", "issuer", "unsigned", "garbage",
                "basic", "empty", "noRoles", "future").map(FuzzTest::badAuthorization);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, valid), net.jqwik.api.Tuple.of(2, gateway),
                net.jqwik.api.Tuple.of(2, bad), net.jqwik.api.Tuple.of(1, Arbitraries.<String>just(null)));
    }

    private static String badAuthorization(String kind) {
        return TOKENS.computeIfAbsent("bad|" + kind, key -> {
            Instant past = Instant.now().minus(Duration.ofHours(2));
            LocalIdentityProvider provider = LocalIdentityProvider.shared();
            return switch (kind) {
                case "expired" -> "Bearer " + provider.token(c -> c.subject("fz-agent-1").claim("roles",
                        List.of("AGENT")).issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))));
                case "future" -> "Bearer " + provider.token(c -> c.subject("fz-agent-1").claim("roles",
                        List.of("AGENT")).notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(2)))));
                case "foreign" -> "Bearer " + LocalIdentityProvider.sign(foreignKey, new JWTClaimsSet.Builder()
                        .issuer(provider.issuer()).audience(LocalIdentityProvider.AUDIENCE).subject("fz-agent-1")
                        .claim("roles", List.of("ADMIN")).issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(8)))).build());
                case "audience" -> "Bearer " + provider.token(c -> c.subject("fz-agent-1").claim("roles",
                        List.of("AGENT")).audience("someone-else"));
                case "issuer" -> "Bearer " + provider.token(c -> c.subject("fz-agent-1").claim("roles",
                        List.of("AGENT")).issuer("https://issuer.invalid"));
                case "noRoles" -> "Bearer " + provider.token(c -> c.subject("fz-agent-1"));
                case "unsigned" -> "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJmei1hZ2VudC0xIiwicm9sZXMiOlsiQURNSU4iXX0.";
                case "garbage" -> "Bearer not.a.token";
                case "basic" -> "Basic YWRtaW46YWRtaW4=";
                default -> "Bearer ";
            };
        });
    }

    private static Arbitrary<Map<String, String>> headers() {
        Arbitrary<Optional<String>> idempotencyKey = Arbitraries.of("fz-key-1", "fz-key-2", "fz-key-3", " ",
                "k".repeat(300), "ключ").injectNull(0.4).map(Optional::ofNullable);
        Arbitrary<Optional<String>> channel = Arbitraries.of("WEB_CHAT", "PHONE", "API", "NOPE", "").injectNull(0.6)
                .map(Optional::ofNullable);
        Arbitrary<Optional<String>> ifMatch = Arbitraries.of("0", "\"1\"", "-1", "abc", "99999999999999999999").injectNull(0.7)
                .map(Optional::ofNullable);
        return Combinators.combine(idempotencyKey, channel, ifMatch).as((key, ch, match) -> {
            Map<String, String> headers = new LinkedHashMap<>();
            key.filter(k -> k.chars().allMatch(c -> c < 128)).ifPresent(k -> headers.put("Idempotency-Key", k));
            ch.ifPresent(c -> headers.put("X-Channel", c));
            match.ifPresent(m -> headers.put("If-Match", m));
            return headers;
        });
    }

    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json", "application/json", "text/plain", "application/xml", "application/json;charset=latin1",
            "multipart/form-data", "*/*");

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<Request> commands = Arbitraries.of(COMMANDS).flatMap(endpoint -> Combinators.combine(
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(19, Arbitraries.just(endpoint.method())),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of("PUT", "DELETE", "PATCH", "GET"))),
                paths(endpoint.path()),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.just("application/json")),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(CONTENT_TYPES))),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, mutatedBody(endpoint.body())),
                        net.jqwik.api.Tuple.of(2, rawBodies())),
                authorizations(), headers())
                .as((method, path, type, body, auth, headers) -> new Request(method, path, type, body, auth, headers)));
        Arbitrary<Request> reads = Arbitraries.of(READS).flatMap(template -> Combinators.combine(
                paths(template), query(), authorizations(), headers(),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(19, Arbitraries.just("GET")),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of("POST", "DELETE", "OPTIONS"))))
                .as((path, query, auth, headers, method) -> new Request(method, path + query, null, null, auth,
                        headers)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, commands), net.jqwik.api.Tuple.of(1, reads));
    }
}
