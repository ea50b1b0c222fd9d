package com.interactionledger.deploy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.contracts.common.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests refused before the application sees them, in the API's one error format too (found by FuzzTest): a path
 * Spring Security's firewall rejects ({@code ..}, an encoded line feed, {@code //}) and a request Tomcat itself cannot
 * parse (an encoded NUL or slash, invalid UTF-8, a request line over the header limit) answered problem+json
 * {@code MALFORMED_REQUEST} (400), not Spring Boot's default error JSON or Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
class EdgeProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, rejected) -> {
            if (!response.isCommitted()) {
                write(request.getRequestURI(), response, 400, "The request's path or headers are not allowed");
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemForUnparsableRequests() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    static void write(String uri, HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(uri, status, detail));
        response.getWriter().flush();
    }

    static String body(String uri, int status, String detail) throws IOException {
        ErrorCode code = ErrorCode.forStatus(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", code.typeUri());
        problem.put("title", code.title());
        problem.put("status", status);
        problem.put("detail", detail);
        try {
            if (uri != null) {
                problem.put("instance", URI.create(uri).toString());
            }
        } catch (IllegalArgumentException notAUri) {
            // an unparsable path is left out rather than echoed
        }
        problem.put("code", code.name());
        return JSON.writeValueAsString(problem);
    }

    /** Tomcat's error report (of requests it refuses itself, before any servlet) as problem+json. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                String uri = request.getCoyoteRequest().requestURI().toString();
                String body = body(uri, status, status >= 500 ? "The request could not be handled"
                        : "The request could not be parsed");
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // nothing more can be said to this client
            }
        }
    }
}
