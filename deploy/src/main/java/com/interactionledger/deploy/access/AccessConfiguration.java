package com.interactionledger.deploy.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.command.web.MachineCallers;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Access to the API: every request but the public ones (health, API docs, development tokens) needs a bearer
 * token (a JWT) from the trusted issuer, naming the ledger as audience; the token's roles claim says what the
 * caller may do, and {@link RoleCheck} holds each endpoint to the roles it admits. Stateless: no session, no
 * cookie — so there is nothing for cross-site request forgery to ride on, and CSRF tokens are off.
 */
@Configuration(proxyBeanMethods = false)
// Without a web edge (the importer runs the ledger in its own JVM) there is no request to check.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({AccessProperties.class, RefusalAuditProperties.class})
public class AccessConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<MachineCallers> machines;

    AccessConfiguration(ObjectProvider<MachineCallers> machines) {
        this.machines = machines;
    }

    /** Open to anyone: liveness and readiness probes, the API's description. */
    private static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    /** Refuses, before anything starts, a development issuer where real data could be, and published secrets. */
    @Bean
    static StartupSafety startupSafety() {
        return new StartupSafety();
    }

    /** No Spring MVC handler look-up in front of the security filters (see the class). */
    @Bean
    static SecurityChainWithoutHandlerLookup securityChainWithoutHandlerLookup() {
        return new SecurityChainWithoutHandlerLookup();
    }

    /** Every 401, 403 and 451 on the audit trail, counted per minute (see the class). */
    @Bean
    RefusalAudit refusalAudit(RefusalAuditProperties properties, ObjectProvider<EventGateway> events, Clock clock,
                              @Qualifier("requestMappingHandlerMapping")
                              ObjectProvider<RequestMappingHandlerMapping> endpoints) {
        return new RefusalAudit(properties, events, clock, endpoints);
    }

    /** Around Spring Security's filters, so that their refusals are seen too. */
    @Bean
    FilterRegistrationBean<RefusalAudit> refusalAuditAroundSecurity(RefusalAudit audit) {
        FilterRegistrationBean<RefusalAudit> registration = new FilterRegistrationBean<>(audit);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RoleCheck(machines.getIfAvailable()));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessProperties properties, JwtDecoder decoder, ObjectMapper json)
            throws Exception {
        List<String> open = new ArrayList<>(List.of(PUBLIC));
        if (properties.mode() == AccessProperties.Mode.DEVELOPMENT) {
            open.add("/dev/tokens");
        }
        ProblemResponses problems = new ProblemResponses(json);
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setPrincipalClaimName(properties.actorClaim());
        tokens.setJwtGrantedAuthoritiesConverter(new RoleClaims(properties.rolesClaim())::authorities);
        JwtDecoder verified = new VerifiedTokens(decoder, Clock.systemUTC(), properties.verifiedTokenCache());
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(pathPatterns(open)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.decoder(verified).jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * The open paths as plain path patterns, matched on the path alone. Given as strings, Spring Security matches
     * each through Spring MVC's handler mappings (an {@code MvcRequestMatcher} per pattern), which showed among the
     * hottest frames of a profile of timeline reads.
     */
    private static RequestMatcher[] pathPatterns(List<String> paths) {
        PathPatternRequestMatcher.Builder patterns = PathPatternRequestMatcher.withDefaults();
        return paths.stream().map(patterns::matcher).toArray(RequestMatcher[]::new);
    }

    /**
     * No observations of Spring Security's filters: decorating each of them on every request cost a tenth of a
     * command's CPU, for spans nobody collects (the operations issue decides what is observed).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's firewall with its default rules, checked without regular expressions ({@link HeaderRules}). */
    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderRules.NAMES);
        firewall.setAllowedHeaderValues(HeaderRules.VALUES);
        firewall.setAllowedParameterNames(HeaderRules.NAMES);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.access.mode", havingValue = "development")
    DevelopmentIssuer developmentIssuer(AccessProperties properties) {
        return new DevelopmentIssuer(properties);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.access.mode", havingValue = "development")
    JwtDecoder developmentTokens(DevelopmentIssuer issuer) {
        return issuer.decoder();
    }

    /**
     * Tokens of the OIDC provider: its signing keys from its discovery document, fetched at the first request
     * (the ledger starts even while the provider is down), then issuer, audience, type and expiry checked on each
     * ({@link TokenRules}).
     */
    @Bean
    @ConditionalOnProperty(name = "ledger.access.mode", havingValue = "oidc", matchIfMissing = true)
    JwtDecoder providerTokens(AccessProperties properties) {
        return new SupplierJwtDecoder(() -> {
            // The token's type is checked by TokenRules, not by Nimbus (which would refuse at+jwt).
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri())
                    .validateType(false).build();
            decoder.setJwtValidator(TokenRules.of(properties.issuerUri(), properties.audience(),
                    properties.clockSkew()));
            return decoder;
        });
    }
}
