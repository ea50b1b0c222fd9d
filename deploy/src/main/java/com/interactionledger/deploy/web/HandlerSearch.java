package com.interactionledger.deploy.web;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC finds a request's handler among the mappings of its path's first segment ({@link IndexedRequestMappings}). */
@Configuration(proxyBeanMethods = false)
class HandlerSearch {

    @Bean
    WebMvcRegistrations indexedRequestMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new IndexedRequestMappings();
            }
        };
    }
}
