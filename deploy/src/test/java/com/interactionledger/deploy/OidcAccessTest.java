package com.interactionledger.deploy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production access: the ledger in {@code oidc} mode trusts only the OIDC provider it is configured with. The
 * provider here is a real HTTP server with a discovery document and a key set (what Keycloak, Entra ID or Okta
 * serve), signing tokens the way Keycloak lays them out: roles under {@code realm_access.roles}, the user name in
 * {@code preferred_username}. A second application instance on the test database runs in that mode.
 */
class OidcAccessTest extends PostgresLedgerTest {

    private static final String AUDIENCE = "interaction-ledger";

    private static HttpServer provider;
    private static String issuer;
    private static RSAKey signingKey;

    @Autowired
    Environment environment;

    @BeforeAll
    static void startProvider() throws IOException, JOSEException {
        signingKey = new RSAKeyGenerator(2048).keyID("provider-key-1").generate();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/bank";
        serve("/realms/bank/.well-known/openid-configuration", "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\""
                + issuer + "/protocol/openid-connect/certs\",\"subject_types_supported\":[\"public\"]}");
        serve("/realms/bank/protocol/openid-connect/certs", new JWKSet(signingKey.toPublicJWK()).toString());
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop(0);
    }

    @Test
    void onlyTokensOfTheConfiguredProviderForTheLedgerAreAccepted() throws Exception {
        try (ConfigurableApplicationContext oidc = new SpringApplicationBuilder(InteractionLedgerApplication.class)
                .run(TestInstallation.arguments(environment, "--ledger.node-id=oidc-instance",
                        "--ledger.access.issuer-uri=" + issuer, "--ledger.access.audience=" + AUDIENCE,
                        "--ledger.access.roles-claim=realm_access.roles",
                        "--ledger.access.actor-claim=preferred_username"))) {
            LedgerHttp ledger = new LedgerHttp(port).anonymous();
            LedgerHttp instance = LedgerHttp.anonymousAt(Integer.parseInt(
                    oidc.getEnvironment().getProperty("local.server.port")));

            LedgerHttp agent = instance.withToken(token(claims -> { }));
            LedgerHttp.Response started = agent.post("/sessions", LedgerHttp.json("sessionId", "oidc-session",
                    "customerId", "oidc-customer", "channel", "PHONE", "entryPoint", "ivr"));
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            assertThat(jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'actorId'"
                    + " FROM domainevententry WHERE aggregateidentifier = 'oidc-session'", String.class))
                    .as("the actor is the configured claim").isEqualTo("agent-17");
            assertThat(agent.get("/analytics/satisfaction").code()).as("roles from realm_access.roles")
                    .isEqualTo("FORBIDDEN");

            Map<String, Consumer<JWTClaimsSet.Builder>> refused = Map.of(
                    "expired", claims -> claims.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))),
                    "another audience", claims -> claims.audience("payments-api"),
                    "another issuer", claims -> claims.issuer("http://127.0.0.1:1/realms/elsewhere"));
            refused.forEach((why, change) -> {
                LedgerHttp.Response response = instance.withToken(token(change)).get("/sessions/oidc-session");
                assertThat(response.status()).as(why + ": " + response).isEqualTo(401);
                assertThat(response.code()).as(why).isEqualTo("UNAUTHENTICATED");
                assertThat(response.header("WWW-Authenticate")).as(why).contains("invalid_token");
            });
            RSAKey impostor = new RSAKeyGenerator(2048).keyID("provider-key-1").generate();
            assertThat(instance.withToken(sign(impostor, claims(claims -> { }))).get("/sessions/oidc-session")
                    .status()).as("signed with another key under the provider's key id").isEqualTo(401);

            // No development issuer in this mode, and another provider's tokens (the one the test application
            // trusts) count for nothing here.
            assertThat(instance.post("/dev/tokens?actor=me&role=ADMIN", null).status()).isEqualTo(401);
            String otherProviders = ledger.token("ADMIN", "other-admin");
            assertThat(instance.withToken(otherProviders).get("/projections").status()).isEqualTo(401);
            assertThat(instance.get("/actuator/health").status()).as("probes stay open").isEqualTo(200);
        }
    }

    private static String token(Consumer<JWTClaimsSet.Builder> change) {
        return sign(signingKey, claims(change));
    }

    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(AUDIENCE, "account"))
                .subject("5b0c6a9e-8f3f-4d0e-9a51-7d2f1c0e4b11")
                .claim("preferred_username", "agent-17")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "agent", "uma_authorization")))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        change.accept(claims);
        return claims.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void serve(String path, String json) {
        provider.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
