package com.interactionledger.deploy.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stand-in for the bank's OIDC provider (Keycloak, Entra ID, Okta) on the loopback: a real HTTP server with a
 * discovery document and a key set, signing tokens for any actor and roles with a key made when it starts. The
 * ledger trusts it exactly as it trusts a real provider ({@code ledger.access.mode=oidc}), so wherever the ledger
 * runs on PostgreSQL — where its own development issuer refuses to start — tests, benchmarks, fault drills and
 * {@code scripts/run-distributed.sh} get their tokens here. Never for real data: it signs whatever it is asked.
 * <p>
 * Run alone ({@code java ... LocalIdentityProvider PORT}) it also answers {@code POST /token?actor=a&role=AGENT}
 * with a token, for scripts and curl.
 */
public final class LocalIdentityProvider implements AutoCloseable {

    /** The audience the ledger expects by default ({@code ledger.access.audience}). */
    public static final String AUDIENCE = "interaction-ledger";
    /** The id of the provider's signing key in its key set and in every token's header. */
    public static final String KEY_ID = "local-provider-key";
    private static final Duration LIFETIME = Duration.ofHours(8);
    private static LocalIdentityProvider shared;

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;

    private LocalIdentityProvider(int port) throws IOException {
        try {
            key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/ledger";
        serve("/realms/ledger/.well-known/openid-configuration", "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\""
                + issuer + "/certs\",\"subject_types_supported\":[\"public\"]}");
        serve("/realms/ledger/certs", new JWKSet(key.toPublicJWK()).toString());
        server.createContext("/token", this::tokenOnRequest);
        server.start();
    }

    /** A provider on this port of the loopback (0: any free port), until closed. */
    public static LocalIdentityProvider start(int port) {
        try {
            return new LocalIdentityProvider(port);
        } catch (IOException e) {
            throw new UncheckedIOException("the local identity provider cannot listen on port " + port, e);
        }
    }

    /** One provider for the whole JVM (every test context of a test run trusts the same one), stopped at exit. */
    public static synchronized LocalIdentityProvider shared() {
        if (shared == null) {
            shared = start(0);
            LocalIdentityProvider stopping = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stopping::close, "local-identity-provider-stop"));
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    /** The settings that make a ledger trust this provider, as command-line arguments. */
    public List<String> ledgerArguments() {
        return List.of("--ledger.access.mode=oidc", "--ledger.access.issuer-uri=" + issuer);
    }

    /** A token for this actor holding these roles (names of the ledger's roles), valid for eight hours. */
    public String token(String actor, String... roles) {
        return token(claims -> claims.subject(actor).claim("roles", List.of(roles)));
    }

    /** A token with the usual claims (issuer, audience, times) changed as the test wants. */
    public String token(Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)));
        change.accept(claims);
        return signed(claims.build());
    }

    /** These claims exactly, signed with the provider's key. */
    public String signed(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    /** These claims signed with the provider's key, the header typed {@code typ} (as some providers type theirs). */
    public String signed(JWTClaimsSet claims, JOSEObjectType typ) {
        return sign(key, claims, typ);
    }

    /** Signs these claims with another key under this provider's key id: what an impostor would send. */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        return sign(key, claims, null);
    }

    private static String sign(RSAKey key, JWTClaimsSet claims, JOSEObjectType typ) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(typ)
                    .build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("a token cannot be signed", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void tokenOnRequest(HttpExchange exchange) throws IOException {
        String actor = null;
        List<String> roles = new ArrayList<>();
        String query = URI.create(exchange.getRequestURI().toString()).getQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && parts[0].equals("actor")) {
                actor = parts[1];
            } else if (parts.length == 2 && parts[0].equals("role")) {
                roles.add(parts[1]);
            }
        }
        if (!"POST".equals(exchange.getRequestMethod()) || actor == null || roles.isEmpty()) {
            answer(exchange, 400, "text/plain", "POST /token?actor=NAME&role=ROLE[&role=ROLE...]");
            return;
        }
        answer(exchange, 200, "text/plain", token(actor, roles.toArray(String[]::new)));
    }

    private void serve(String path, String json) {
        server.createContext(path, exchange -> answer(exchange, 200, "application/json", json));
    }

    private static void answer(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Runs a provider on the port given (0 or none: any) until the process is stopped; prints its issuer. */
    public static void main(String[] args) {
        LocalIdentityProvider provider = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        System.out.println(provider.issuer());
    }
}
