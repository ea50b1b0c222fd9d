package com.interactionledger.deploy;

import com.interactionledger.deploy.identity.LocalIdentityProvider;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production access: the ledger in {@code oidc} mode trusts only the OIDC provider it is configured with. The
 * provider here is a {@link LocalIdentityProvider} of its own (a real HTTP server with a discovery document and a
 * key set, as Keycloak, Entra ID or Okta serve), other than the one the test application trusts, signing tokens the
 * way Keycloak lays them out: roles under {@code realm_access.roles}, the user name in
 * {@code preferred_username}. A second application instance on the test database runs in that mode.
 */
class OidcAccessTest extends PostgresLedgerTest {

    private static final String AUDIENCE = "interaction-ledger";

    private static LocalIdentityProvider provider;
    private static String issuer;

    @Autowired
    Environment environment;

    @BeforeAll
    static void startProvider() {
        provider = LocalIdentityProvider.start(0);
        issuer = provider.issuer();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Test
    void onlyTokensOfTheConfiguredProviderForTheLedgerAreAccepted() throws Exception {
        try (ConfigurableApplicationContext oidc = new SpringApplicationBuilder(InteractionLedgerApplication.class)
                .run(TestInstallation.arguments(environment, "--ledger.node-id=oidc-instance",
                        "--ledger.access.issuer-uri=" + issuer, "--ledger.access.audience=" + AUDIENCE,
                        "--ledger.access.roles-claim=realm_access.roles",
                        "--ledger.access.actor-claim=preferred_username",
                        // a tolerance other than the default 60 s, to show the setting is the one applied
                        "--ledger.access.clock-skew=PT2M"))) {
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
                    "expired", claims -> claims.issueTime(secondsFromNow(-600))
                            .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))),
                    "another audience", claims -> claims.audience("payments-api"),
                    "another issuer", claims -> claims.issuer("http://127.0.0.1:1/realms/elsewhere"));
            refused.forEach((why, change) -> {
                LedgerHttp.Response response = instance.withToken(token(change)).get("/sessions/oidc-session");
                assertThat(response.status()).as(why + ": " + response).isEqualTo(401);
                assertThat(response.code()).as(why).isEqualTo("UNAUTHENTICATED");
                assertThat(response.header("WWW-Authenticate")).as(why).contains("invalid_token");
            });
            LedgerHttp.Response noExpiry = instance.withToken(token(claims -> claims.expirationTime(null)))
                    .get("/sessions/oidc-session");
            assertThat(noExpiry.status()).as("a token without exp: " + noExpiry).isEqualTo(401);
            assertThat(noExpiry.code()).isEqualTo("UNAUTHENTICATED");
            // Typed as something other than an access token (an OIDC back-channel logout token, a DPoP proof):
            // signed by the trusted provider, for the ledger, and still no credential.
            for (String typ : List.of("logout+jwt", "dpop+jwt", "id_token+jwt")) {
                LedgerHttp.Response typed = instance.withToken(provider.signed(claims(claims -> { }),
                        new JOSEObjectType(typ))).get("/sessions/oidc-session");
                assertThat(typed.status()).as("typ " + typ + ": " + typed).isEqualTo(401);
                assertThat(typed.code()).isEqualTo("UNAUTHENTICATED");
            }
            // Accepted ones read the session once the timeline has it (projections are asynchronous).
            String read = "/sessions/oidc-session?waitForPosition=" + started.json().path("position").asLong()
                    + "&waitTimeout=PT20S";
            for (String typ : List.of("JWT", "at+jwt", "AT+JWT")) {
                assertThat(instance.withToken(provider.signed(claims(claims -> { }), new JOSEObjectType(typ)))
                        .get(read).status()).as("an access token typed " + typ).isEqualTo(200);
            }
            // Two minutes of tolerance here: expired 90 s ago (or valid only 90 s from now) is still honoured,
            // five minutes is not (the "expired" case above).
            assertThat(instance.withToken(token(claims -> claims.issueTime(secondsFromNow(-600))
                    .expirationTime(secondsFromNow(-90)))).get(read).status())
                    .as("expired within the configured skew").isEqualTo(200);
            assertThat(instance.withToken(token(claims -> claims.notBeforeTime(secondsFromNow(90))))
                    .get(read).status()).as("not yet valid, within the skew").isEqualTo(200);
            assertThat(instance.withToken(token(claims -> claims.notBeforeTime(secondsFromNow(300))))
                    .get("/sessions/oidc-session").status()).as("not yet valid, beyond the skew").isEqualTo(401);
            RSAKey impostor = new RSAKeyGenerator(2048).keyID(LocalIdentityProvider.KEY_ID).generate();
            assertThat(instance.withToken(LocalIdentityProvider.sign(impostor, claims(claims -> { }))).get("/sessions/oidc-session")
                    .status()).as("signed with another key under the provider's key id").isEqualTo(401);

            // No development issuer in this mode, and another provider's tokens (the one the test application
            // trusts) count for nothing here.
            assertThat(instance.post("/dev/tokens?actor=me&role=ADMIN", null).status()).isEqualTo(401);
            String otherProviders = ledger.token("ADMIN", "other-admin");
            assertThat(instance.withToken(otherProviders).get("/projections").status()).isEqualTo(401);
            assertThat(instance.get("/actuator/health").status()).as("probes stay open").isEqualTo(200);
        }
    }

    /**
     * The test application keeps the default tolerance, 60 s: a token expired 20 s ago is honoured, one expired 90 s
     * ago is not. (Thirty seconds and more either side of the limit: the request is sent well within that.)
     */
    @Test
    void theDefaultClockSkewIsSixtySeconds() {
        LedgerHttp.Response within = http.withToken(LocalIdentityProvider.shared().token(claims -> claims
                .subject("skew-supervisor").claim("roles", List.of("SUPERVISOR"))
                .issueTime(secondsFromNow(-600)).expirationTime(secondsFromNow(-20)))).get("/risk-warnings");
        assertThat(within.status()).as(within.toString()).isEqualTo(200);
        LedgerHttp.Response beyond = http.withToken(LocalIdentityProvider.shared().token(claims -> claims
                .subject("skew-supervisor").claim("roles", List.of("SUPERVISOR"))
                .issueTime(secondsFromNow(-600)).expirationTime(secondsFromNow(-90)))).get("/risk-warnings");
        assertThat(beyond.status()).as(beyond.toString()).isEqualTo(401);
        assertThat(beyond.code()).isEqualTo("UNAUTHENTICATED");
    }

    private static Date secondsFromNow(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }

    private static String token(Consumer<JWTClaimsSet.Builder> change) {
        return provider.signed(claims(change));
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
}
