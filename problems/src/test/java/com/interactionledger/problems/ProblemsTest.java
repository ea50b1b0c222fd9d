package com.interactionledger.problems;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.contracts.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes of an error as clients get them: Spring's JSON form of the problem (the mapper Spring Boot configures
 * writes ProblemDetail through the same mix-in), field for field and in order.
 */
class ProblemsTest {

    private static final ObjectMapper SPRING_JSON = Jackson2ObjectMapperBuilder.json().build();

    @Test
    void aCodedErrorIsTheReadmesProblemJsonByteForByte() throws Exception {
        ProblemDetail problem = Problems.problem(ErrorCode.ILLEGAL_TRANSITION,
                "CloseSession is not allowed when the session is WITH_AGENT (allowed from [RESOLVED])",
                new MockHttpServletRequest("POST", "/sessions/walk-chat/closure"));

        assertThat(SPRING_JSON.writeValueAsString(problem)).isEqualTo(problemJson("illegal-transition",
                "The command is not allowed in the session's current state", 409,
                "CloseSession is not allowed when the session is WITH_AGENT (allowed from [RESOLVED])",
                "/sessions/walk-chat/closure", "ILLEGAL_TRANSITION"));
    }

    @Test
    void theWebFrameworksStatusStandsWhereTheCodeIsAGenericOne() throws Exception {
        ProblemDetail problem = Problems.problem(ErrorCode.MALFORMED_REQUEST, 413, "Maximum upload size exceeded",
                new MockHttpServletRequest("POST", "/sessions"));

        assertThat(SPRING_JSON.writeValueAsString(problem)).isEqualTo(problemJson("malformed-request",
                "The request body is not valid JSON or has a wrong type", 413, "Maximum upload size exceeded",
                "/sessions", "MALFORMED_REQUEST"));
    }

    @Test
    void propertiesTheCallerAddsFollowTheCode() throws Exception {
        ProblemDetail problem = Problems.problem(ErrorCode.VALIDATION_FAILED, "entryPoint: must not be blank",
                new MockHttpServletRequest("POST", "/sessions"));
        problem.setProperty("errors", List.of(Map.of("field", "entryPoint")));

        assertThat(SPRING_JSON.writeValueAsString(problem))
                .endsWith(",\"instance\":\"/sessions\",\"code\":\"VALIDATION_FAILED\","
                        + "\"errors\":[{\"field\":\"entryPoint\"}]}");
    }

    /** A problem's JSON as clients get it: these fields, in this order, and nothing else. */
    private static String problemJson(String type, String title, int status, String detail, String instance,
                                      String code) {
        return "{\"type\":\"urn:interaction-ledger:problem:" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"instance\":\"" + instance
                + "\",\"code\":\"" + code + "\"}";
    }
}
