package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.deploy.identity.LocalIdentityProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain HTTP client for the tests: real requests over the loopback, JSON in and out. Every request carries a
 * bearer token, by default of the agent {@code test-agent-desktop}; {@link #as(String, String)} acts as someone else,
 * {@link #anonymous()} as nobody. Tokens come from the {@link LocalIdentityProvider} the application under test
 * trusts (as it would trust the bank's OIDC provider), or, for the embedded H2 default, from the application's own
 * development issuer ({@link #developmentIssuerAt(int)}). Extra headers go through {@link #with(String, String)}.
 */
public final class LedgerHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Where a client's tokens come from: a token for this actor holding these roles (comma-separated). */
    @FunctionalInterface
    interface Tokens {
        String token(String roles, String actorId);
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> headers;
    private final Tokens tokens;

    /** A client of the application on this port, which trusts the shared {@link LocalIdentityProvider}. */
    public LedgerHttp(int port) {
        this("http://127.0.0.1:" + port, Map.of(), (roles, actorId) ->
                LocalIdentityProvider.shared().token(actorId, roles.split("\\s*,\\s*")));
        headers.putAll(as("AGENT", "test-agent-desktop").headers);
    }

    /** A client of the application on this port sending no token until told to. */
    public static LedgerHttp anonymousAt(int port) {
        return new LedgerHttp(port).anonymous();
    }

    /** A client of an application in development mode (the embedded H2 default), with tokens of its own issuer. */
    public static LedgerHttp developmentIssuerAt(int port) {
        String base = "http://127.0.0.1:" + port;
        LedgerHttp anonymous = new LedgerHttp(base, Map.of(), (roles, actorId) -> {
            throw new IllegalStateException("no token source");
        });
        LedgerHttp client = new LedgerHttp(base, Map.of(), (roles, actorId) -> developmentToken(anonymous, roles,
                actorId));
        return client.as("AGENT", "test-agent-desktop");
    }

    private LedgerHttp(String base, Map<String, String> headers, Tokens tokens) {
        this.base = base;
        this.headers = new LinkedHashMap<>(headers);
        this.tokens = tokens;
    }

    /** The same client with one more header on every request. */
    public LedgerHttp with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new LedgerHttp(base, more, tokens);
    }

    /** The same client acting as another actor, holding these roles (comma-separated). */
    public LedgerHttp as(String roles, String actorId) {
        return withToken(token(roles, actorId));
    }

    /** A token for this actor holding these roles (comma-separated), from this client's token source. */
    public String token(String roles, String actorId) {
        return tokens.token(roles, actorId);
    }

    private static String developmentToken(LedgerHttp anonymous, String roles, String actorId) {
        StringBuilder query = new StringBuilder("/dev/tokens?actor=").append(actorId);
        for (String role : roles.split(",")) {
            query.append("&role=").append(role.trim());
        }
        Response token = anonymous.post(query.toString(), null);
        if (token.status() != 200) {
            throw new IllegalStateException("no development token: " + token);
        }
        return token.raw().body();
    }

    /** The same client with this bearer token instead of its own. */
    public LedgerHttp withToken(String token) {
        return anonymous().with("Authorization", "Bearer " + token);
    }

    /** The same client without a token. */
    public LedgerHttp anonymous() {
        Map<String, String> without = new LinkedHashMap<>(headers);
        without.remove("Authorization");
        return new LedgerHttp(base, without, tokens);
    }

    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        /** The data of a read-model answer ({@code {"data": ..., "freshness": ...}}). */
        public JsonNode data() {
            return json().path("data");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The stable error code of a problem+json answer. */
        public String code() {
            return json().path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Response post(String path, String json) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    /**
     * A POST whose body is sent chunked, without {@code Content-Length}, as a client streaming it does: the body's
     * length is not known to the server until it has read it.
     */
    public Response postChunked(String path, byte[] body) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        return send(request);
    }

    /** A POST of these bytes exactly, with their {@code Content-Length}. */
    public Response postBytes(String path, byte[] body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response method(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Builds a JSON object from alternating keys and values (values may be nested maps, lists or null). */
    public static String json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
