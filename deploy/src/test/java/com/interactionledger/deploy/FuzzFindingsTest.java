package com.interactionledger.deploy;

import com.interactionledger.deploy.identity.LocalIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.interactionledger.deploy.LedgerHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What FuzzTest found, kept as examples: each was a 500, or an error that was not problem+json, before its fix.
 */
class FuzzFindingsTest extends PostgresLedgerTest {

    private static final String SESSION = "fuzz-found-session";
    private static final String COMPLAINT = "fuzz-found-complaint";

    @BeforeEach
    void sessionAndComplaint() {
        if (eventsOf(SESSION) == 0) {
            accepted(http.post("/sessions", json("sessionId", SESSION, "customerId", "fuzz-found-customer",
                    "channel", "WEB_CHAT", "entryPoint", "web")));
            accepted(http.as("AGENT", "complaints-handler-1").post("/complaints", json("complaintId", COMPLAINT,
                    "customerId", "fuzz-found-customer", "channel", "WEB_CHAT", "product", "credit_card",
                    "category", "fees", "description", "fee", "jurisdiction", "UK_FCA")));
        }
    }

    /** A session command on a complaint's id sourced a session from the complaint's events: 500. */
    @Test
    void sessionCommandOnComplaintIdIsNotFound() {
        long before = businessEvents();
        LedgerHttp.Response response = http.post("/sessions/" + COMPLAINT + "/transfers",
                json("toAgentId", "agent-2", "mode", "COLD", "reason", "r"));
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(businessEvents()).isEqualTo(before);
    }

    /** And the other way round. */
    @Test
    void complaintCommandOnSessionIdIsNotFound() {
        long before = businessEvents();
        LedgerHttp.Response response = http.as("AGENT", "complaints-handler-1").post("/complaints/" + SESSION
                + "/information-requests", json("request", "r"));
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("COMPLAINT_NOT_FOUND");
        assertThat(businessEvents()).isEqualTo(before);
    }

    /** A multipart Content-Type (here without a boundary) was parsed before any endpoint: 500. */
    @Test
    void multipartBodyIsUnsupported() throws Exception {
        long before = businessEvents();
        HttpResponse<String> response = send("POST", "/sessions/" + SESSION + "/survey", "multipart/form-data",
                json("csat", 5));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        assertProblem(response, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(businessEvents()).isEqualTo(before);
    }

    /**
     * Paths refused before the application: by Tomcat (an encoded NUL, slash, invalid UTF-8) with its HTML page, by
     * Spring Security's firewall (dot segments, an encoded line feed, an empty segment) with Spring Boot's error JSON.
     */
    @ParameterizedTest
    @CsvSource({"/sessions/%00", "/sessions/%2F/messages", "/sessions/%FF", "/sessions/..", "/sessions/%2E%2E",
            "/sessions/x%0Ay", "/sessions//transfers"})
    void pathsRefusedAtTheEdgeAreProblems(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response, "MALFORMED_REQUEST");
    }

    private static void assertProblem(HttpResponse<String> response, String code) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(LedgerHttp.JSON.readTree(response.body()).path("code").asText()).isEqualTo(code);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + LocalIdentityProvider.shared().token("test-agent-desktop",
                        "AGENT"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
