package com.interactionledger.deploy.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Spring MVC's handler search, narrowed by the path's first segment. For a path with variables
 * ({@code /sessions/{sessionId}/messages}) Spring tries every mapping of the application in turn, each with its
 * method, content-type and CORS conditions — 12% of the command side's CPU in a profile (docs/PERFORMANCE.md). Here
 * only the mappings whose patterns can match the path's first segment are tried, and the best of them is chosen
 * with Spring's own comparator and recorded with Spring's own {@code handleMatch}; anything this does not settle
 * (no match, a tie, a CORS pre-flight, a pattern that starts with a variable is always among the candidates) is
 * left to Spring's full search, so answers — 404, 405, 415, ambiguity — stay Spring's.
 */
final class IndexedRequestMappings extends RequestMappingHandlerMapping {

    private static final String ANY = "";

    private volatile Map<String, List<Map.Entry<RequestMappingInfo, HandlerMethod>>> byFirstSegment;

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Map<String, List<Map.Entry<RequestMappingInfo, HandlerMethod>>> index = index();
        List<Map.Entry<RequestMappingInfo, HandlerMethod>> candidates = index == null ? null
                : index.get(firstSegment(lookupPath));
        if (candidates == null || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        HandlerMethod best = null;
        RequestMappingInfo bestMatch = null;
        Comparator<RequestMappingInfo> order = null;
        boolean tie = false;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> candidate : candidates) {
            RequestMappingInfo match = getMatchingMapping(candidate.getKey(), request);
            if (match == null) {
                continue;
            }
            if (bestMatch == null) {
                best = candidate.getValue();
                bestMatch = match;
                continue;
            }
            order = order == null ? getMappingComparator(request) : order;
            int compared = order.compare(match, bestMatch);
            if (compared < 0) {
                best = candidate.getValue();
                bestMatch = match;
                tie = false;
            } else if (compared == 0) {
                tie = true;
            }
        }
        if (bestMatch == null || tie) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, best);
        handleMatch(bestMatch, lookupPath, request);
        return best;
    }

    /** The mappings by the first literal segment of their patterns; null where a mapping has no path patterns. */
    private Map<String, List<Map.Entry<RequestMappingInfo, HandlerMethod>>> index() {
        Map<String, List<Map.Entry<RequestMappingInfo, HandlerMethod>>> index = byFirstSegment;
        if (index != null) {
            return index.isEmpty() ? null : index;
        }
        Map<String, List<Map.Entry<RequestMappingInfo, HandlerMethod>>> built = new HashMap<>();
        List<Map.Entry<RequestMappingInfo, HandlerMethod>> anySegment = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : getHandlerMethods().entrySet()) {
            PathPatternsRequestCondition patterns = mapping.getKey().getPathPatternsCondition();
            if (patterns == null) {
                byFirstSegment = Map.of(); // not parsed patterns: Spring's search for everything
                return null;
            }
            for (PathPattern pattern : patterns.getPatterns()) {
                String first = firstSegment(pattern.getPatternString());
                boolean literal = !first.isEmpty() && first.chars().noneMatch(c -> c == '{' || c == '*' || c == '?');
                (literal ? built.computeIfAbsent(first, key -> new ArrayList<>()) : anySegment).add(mapping);
            }
        }
        // A pattern that starts with a variable or a wildcard could match any first segment: it is tried for all. A
        // mapping with two patterns under one segment is tried once (twice, it would tie with itself).
        built.replaceAll((segment, bucket) -> {
            bucket.addAll(anySegment);
            return List.copyOf(new LinkedHashSet<>(bucket));
        });
        built.put(ANY, anySegment);
        byFirstSegment = built;
        return built;
    }

    private static String firstSegment(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.indexOf('/', start);
        return path.substring(start, end < 0 ? path.length() : end);
    }
}
