package com.interactionledger.deploy.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and summary of the OpenAPI description the application serves at /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI interactionLedgerApi() {
        return new OpenAPI().info(new Info()
                .title("Interaction Ledger")
                .version("0.1.0")
                .description("Commands append immutable events about a bank's interactions with its customers "
                        + "(sessions, messages, handoffs, complaints, surveys); reads answer from read models, each "
                        + "answer with its freshness. Errors are RFC 9457 problem+json with a stable code. Every call "
                        + "needs a bearer token (JWT) whose roles the endpoint admits (docs/PRIVACY-AND-ACCESS.md: "
                        + "the role matrix, and POST /dev/tokens in development); reads of personal data are "
                        + "recorded on the audit trail. See docs/DOMAIN.md for the domain and the state tables, and "
                        + "docs/ANALYTICS.md for the metric definitions."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
