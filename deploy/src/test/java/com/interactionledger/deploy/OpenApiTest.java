package com.interactionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The application serves an OpenAPI description of every endpoint, and the Swagger UI to browse it. */
class OpenApiTest extends PostgresLedgerTest {

    @Test
    void theOpenApiDescriptionListsEveryEndpoint() {
        LedgerHttp.Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode api = docs.json();
        assertThat(api.path("info").path("title").asText()).isEqualTo("Interaction Ledger");
        List<String> paths = new ArrayList<>();
        api.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/sessions", "/sessions/{sessionId}/messages", "/sessions/{sessionId}",
                "/customers/{customerId}/timeline", "/complaints", "/complaints/{complaintId}/resolution",
                "/complaints/{complaintId}", "/complaint-statistics", "/risk-warnings", "/audit/commands",
                "/audit/reads", "/analytics/satisfaction", "/analytics/service-efficiency",
                "/regulator/customers/{customerId}/history");
        assertThat(api.path("paths").path("/sessions").path("post").has("requestBody"))
                .as("command bodies stay JSON bodies, not flattened into parameters").isTrue();
        List<String> analyticsParameters = new ArrayList<>();
        api.path("paths").path("/analytics/satisfaction").path("get").path("parameters")
                .forEach(parameter -> analyticsParameters.add(parameter.path("in").asText() + ":"
                        + parameter.path("name").asText()));
        assertThat(analyticsParameters).as("the filters are documented one by one")
                .contains("query:from", "query:to", "query:channel", "query:segment", "query:continued", "query:groupBy");
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
