package com.interactionledger.query.web;

import com.interactionledger.contracts.common.Freshness;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Wraps every answer of a {@link ReadModel} controller as {@code {"data": ..., "freshness": ...}} and repeats the
 * freshness in headers, so a client can tell how up to date any figure is without parsing the body.
 */
@RestControllerAdvice(basePackages = "com.interactionledger.query")
class FreshnessEnvelope implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return returnType.getContainingClass().isAnnotationPresent(ReadModel.class);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail || !(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        Freshness freshness = (Freshness) servlet.getServletRequest().getAttribute(FreshnessInterceptor.ATTRIBUTE);
        if (freshness == null) {
            return body;
        }
        HttpHeaders headers = response.getHeaders();
        headers.set("X-Ledger-Read-Model", freshness.readModel());
        headers.set("X-Ledger-Position", Long.toString(freshness.position()));
        if (freshness.positionRecordedAt() != null) {
            headers.set("X-Ledger-Position-Recorded-At", freshness.positionRecordedAt().toString());
        }
        headers.set("X-Ledger-Head-Position", Long.toString(freshness.headPosition()));
        headers.set("X-Ledger-Lag-Events", Long.toString(freshness.lagEvents()));
        headers.set("X-Ledger-Lag-Seconds", Double.toString(freshness.lagSeconds()));
        return new ReadModelAnswer<>(body, freshness);
    }
}
