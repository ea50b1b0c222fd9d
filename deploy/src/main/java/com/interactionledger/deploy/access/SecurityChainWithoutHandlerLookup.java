package com.interactionledger.deploy.access;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

import java.util.List;

/**
 * Spring Security's filter chain without the Spring MVC handler look-up Spring Security puts in front of it.
 * <p>
 * With Spring MVC present, Spring Security wraps its filter chain in a composite whose first filter
 * ({@code HandlerMappingIntrospector}'s cache filter) finds the handler of every request in Spring MVC's mappings,
 * so that {@code MvcRequestMatcher}s and a CORS configuration taken from Spring MVC can reuse what it found. The ledger
 * has neither: its open paths are {@code PathPatternRequestMatcher}s (AccessConfiguration) and it serves no
 * cross-origin requests. The look-up was a twentieth of a command's CPU (a JFR of the closed-loop benchmark), paid
 * again by the dispatcher servlet, which finds the handler for itself. This takes that filter out of the chain's
 * definition before any bean is made (the other filter Spring Security puts in front, which parses the request's
 * path, stays); a chain of another shape (a later Spring Security) is left as it is.
 */
final class SecurityChainWithoutHandlerLookup implements BeanFactoryPostProcessor {

    static final String CHAIN = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        if (!(factory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
            return;
        }
        BeanDefinition chain = registry.getBeanDefinition(CHAIN);
        BeanDefinition without = withoutLookup(chain);
        if (without != chain) {
            registry.removeBeanDefinition(CHAIN);
            registry.registerBeanDefinition(CHAIN, without);
        }
    }

    /**
     * The chain without the look-up: Spring Security wraps the chain once for each filter it puts in front (the
     * look-up, and the request path's parsing, which stays), each a composite of that filter and what it wraps.
     */
    private static BeanDefinition withoutLookup(BeanDefinition chain) {
        List<Object> filters = filtersOf(chain);
        for (int i = 0; filters != null && i < filters.size(); i++) {
            if (!(filters.get(i) instanceof BeanDefinition filter)) {
                continue;
            }
            if (isLookup(filter)) {
                filters.remove(i);
                return filters.size() == 1 && filters.get(0) instanceof BeanDefinition wrapped ? wrapped : chain;
            }
            BeanDefinition inner = withoutLookup(filter);
            if (inner != filter) {
                filters.set(i, inner);
                return chain;
            }
        }
        return chain;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> filtersOf(BeanDefinition composite) {
        ConstructorArgumentValues.ValueHolder argument = composite.getConstructorArgumentValues()
                .getIndexedArgumentValue(0, List.class);
        return argument != null && argument.getValue() instanceof List<?> filters ? (List<Object>) filters : null;
    }

    private static boolean isLookup(BeanDefinition filter) {
        return filter.getBeanClassName() != null
                && filter.getBeanClassName().endsWith("HandlerMappingIntrospectorCacheFilterFactoryBean");
    }
}
