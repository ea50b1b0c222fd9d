package com.interactionledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The read API as the projection tests use it: real HTTP GETs, JSON answers, problem+json refusals. */
public final class QueryApi {

    private final TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();

    public QueryApi(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** The data of a GET that must succeed; its freshness must be there too (every read answer carries it). */
    public JsonNode get(String path) {
        JsonNode answer = answer(path);
        assertThat(answer.path("freshness").path("readModel").asText()).as("freshness of " + path).isNotBlank();
        return answer.path("data");
    }

    /** The whole answer of a GET that must succeed: {@code data} and {@code freshness}. */
    public JsonNode answer(String path) {
        ResponseEntity<String> response = send(path);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return read(response.getBody());
    }

    /** A GET that must be refused with this status and problem+json code. */
    public void assertProblem(String path, int status, String code) {
        ResponseEntity<String> response = send(path);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(read(response.getBody()).path("code").asText()).isEqualTo(code);
    }

    /** GETs that must each be refused as a bad request with INVALID_PARAMETER. */
    public void assertInvalidParameters(String... paths) {
        for (String path : paths) {
            assertProblem(path, 400, "INVALID_PARAMETER");
        }
    }

    /** The tests read as a supervisor ({@link TestReader}). */
    private ResponseEntity<String> send(String path) {
        return rest.exchange(path, HttpMethod.GET, HttpEntity.EMPTY, String.class);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
