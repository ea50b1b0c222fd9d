package com.interactionledger.deploy.access;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The per-request checks written without regular expressions (bearer token, firewall rules) decide exactly as the
 * regular expressions of Spring Security they replace, on generated inputs that cross every boundary.
 */
class RequestCheckRulesTest {

    /** Spring Security 6.5's own rules, as StrictHttpFirewall states them. */
    private static final Pattern NAME_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE_RULE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private static final List<String> HEADER_PIECES = List.of("Bearer ", "bearer ", "BEARER", "Basic ", " ", "a",
            "Z", "0", "-", ".", "_", "~", "+", "/", "=", "==", "é", "\t", "\u0000", "\u007f", "\u0085", "\u0378",
            "\uD83D\uDE00", "\uD83D", "\uDE00", "\r", "\n", "ab.cd.ef");

    private final Random random = new Random(7);

    @Test
    void bearerTokenIsFoundAndRefusedAsSpringSecurityDoes() {
        DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
        for (int i = 0; i < 50_000; i++) {
            String header = generated(HEADER_PIECES, 6);
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.addHeader("Authorization", header);
            Throwable theirs = catchThrowable(() -> spring.resolve(request));
            Throwable ours = catchThrowable(() -> BearerTokens.fromHeader(header));
            assertThat(ours == null).as("refused alike: [%s]", header).isEqualTo(theirs == null);
            if (ours == null) {
                assertThat(BearerTokens.fromHeader(header)).as("[%s]", header).isEqualTo(spring.resolve(request));
            } else {
                assertThat(ours).isInstanceOf(OAuth2AuthenticationException.class);
            }
        }
        assertThat(BearerTokens.fromHeader("Bearer abc.DEF-123_~+/==")).isEqualTo("abc.DEF-123_~+/==");
        assertThat(BearerTokens.fromHeader(null)).isNull();
        assertThat(catchThrowable(() -> BearerTokens.fromHeader("Bearer a=b")))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void firewallRulesAgreeWithSpringSecuritysRegularExpressions() {
        for (int i = 0; i < 50_000; i++) {
            String value = generated(HEADER_PIECES, 8);
            assertThat(HeaderRules.NAMES.test(value)).as("name [%s]", value)
                    .isEqualTo(NAME_RULE.matcher(value).matches());
            assertThat(HeaderRules.VALUES.test(value)).as("value [%s]", value)
                    .isEqualTo(VALUE_RULE.matcher(value).matches());
        }
        assertThat(HeaderRules.VALUES.test("Bearer abc\tdef")).isTrue();
        assertThat(HeaderRules.NAMES.test("X-Tab\t")).isFalse();
        assertThat(HeaderRules.VALUES.test("new\nline")).isFalse();
    }

    private String generated(List<String> pieces, int maxPieces) {
        StringBuilder value = new StringBuilder();
        for (int length = random.nextInt(maxPieces + 1); length > 0; length--) {
            value.append(pieces.get(random.nextInt(pieces.size())));
        }
        return value.toString();
    }
}
