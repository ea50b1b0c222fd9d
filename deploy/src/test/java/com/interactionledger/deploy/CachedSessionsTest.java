package com.interactionledger.deploy;

import com.interactionledger.command.web.CommandDispatcher;
import com.interactionledger.deploy.services.CommandSideService;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.util.List;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions are kept in memory between commands, and two instances share one store: a session this instance holds
 * that another instance has moved on never leads to a wrong decision. Its next command is appended at a position
 * the other took, the store refuses it, the stale entry is dropped and the command decided again on fresh state.
 */
class CachedSessionsTest extends PostgresLedgerTest {

    @Autowired
    Environment environment;
    @Autowired
    @Qualifier("sessionCache")
    Cache sessions;
    @Autowired
    CommandDispatcher dispatcher;

    private ConfigurableApplicationContext other;

    @AfterEach
    void stopTheOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void aSessionMovedOnByAnotherInstanceIsDecidedAgainOnFreshState() {
        other = new SpringApplicationBuilder(CommandSideService.class).run(TestInstallation.arguments(environment));
        LedgerHttp here = http.as("SYSTEM", TestInstallation.GATEWAY);
        LedgerHttp there = new LedgerHttp(Integer.parseInt(other.getEnvironment().getProperty("local.server.port")))
                .as("SYSTEM", TestInstallation.GATEWAY);

        assertThat(here.post("/sessions", json("sessionId", "cached-session", "customerId", "cached-customer",
                "channel", "WEB_CHAT", "entryPoint", "web")).status()).isEqualTo(201);
        assertThat(here.post("/sessions/cached-session/messages", json("messageId", "m1", "authorRole", "CUSTOMER",
                "text", "first, here")).header("ETag")).isEqualTo("\"1\"");
        assertThat(sessions.containsKey("cached-session")).as("this instance keeps the session in memory").isTrue();

        assertThat(there.post("/sessions/cached-session/messages", json("messageId", "m2", "authorRole", "CUSTOMER",
                "text", "second, there")).header("ETag")).isEqualTo("\"2\"");

        long retriesBefore = dispatcher.conflictRetries();
        LedgerHttp.Response third = here.post("/sessions/cached-session/messages", json("messageId", "m3",
                "authorRole", "CUSTOMER", "text", "third, here again"));
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.header("ETag")).as("decided on the session as the other instance left it").isEqualTo("\"3\"");
        assertThat(dispatcher.conflictRetries() - retriesBefore)
                .as("the stale session's append was refused once and the command decided again").isEqualTo(1);

        List<String> stored = jdbc.queryForList("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'messageId'"
                + " FROM domainevententry WHERE aggregateidentifier = 'cached-session' AND sequencenumber > 0"
                + " ORDER BY sequencenumber", String.class);
        assertThat(stored).containsExactly("m1", "m2", "m3");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE payloadtype LIKE"
                + " '%CommandRefused' AND convert_from(payload, 'UTF8')::jsonb ->> 'targetId' = 'cached-session'",
                Integer.class)).as("a conflict decided again is no refusal").isZero();
    }
}
