package com.interactionledger.command.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class CommandWebConfiguration implements WebMvcConfigurer {

    private final IdGenerator ids;

    CommandWebConfiguration(IdGenerator ids) {
        this.ids = ids;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandContextResolver(ids));
    }
}
