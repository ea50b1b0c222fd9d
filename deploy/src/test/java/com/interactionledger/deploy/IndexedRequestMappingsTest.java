package com.interactionledger.deploy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The narrowed handler search (IndexedRequestMappings) finds, for a request to each of the application's routes, that route's handler, as
 * Spring's own search would: a wrong narrowing would send a request to another endpoint or to none.
 */
class IndexedRequestMappingsTest extends PostgresLedgerTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRouteFindsItsOwnHandler() throws Exception {
        assertThat(mappings.getClass().getSimpleName()).isEqualTo("IndexedRequestMappings");
        // The handlers of each route (a route may have several, told apart by what they produce: /error).
        Map<String, List<String>> handlers = new HashMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> info.getPathPatternsCondition().getPatterns()
                .forEach(pattern -> handlers.computeIfAbsent(method(info) + " " + pattern.getPatternString(),
                        key -> new ArrayList<>()).add(handler.getMethod().getName())));
        List<String> misrouted = new ArrayList<>();
        for (String route : handlers.keySet()) {
            String[] methodAndPattern = route.split(" ", 2);
            MockHttpServletRequest request = new MockHttpServletRequest(methodAndPattern[0],
                    methodAndPattern[1].replaceAll("\\{[^}]+}", "x1"));
            request.setContentType("application/json");
            request.addHeader("Accept", "*/*");
            ServletRequestPathUtils.parseAndCache(request);
            HandlerExecutionChain chain = mappings.getHandler(request);
            String found = methodAndPattern[0] + " " + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            if (chain == null || !found.equals(route)
                    || !handlers.get(route).contains(((HandlerMethod) chain.getHandler()).getMethod().getName())) {
                misrouted.add(route + " found " + found);
            }
        }
        assertThat(handlers).hasSizeGreaterThan(50);
        assertThat(misrouted).isEmpty();
    }

    private static String method(RequestMappingInfo info) {
        return info.getMethodsCondition().getMethods().stream().findFirst().map(Enum::name).orElse("GET");
    }
}
