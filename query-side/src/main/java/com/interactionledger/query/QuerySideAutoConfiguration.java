package com.interactionledger.query;

import com.interactionledger.projections.ProjectionsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import java.time.Clock;

/** The read API over the projections, switched on by being on the classpath. */
@AutoConfiguration(after = ProjectionsAutoConfiguration.class)
@ComponentScan(basePackageClasses = QuerySideAutoConfiguration.class)
public class QuerySideAutoConfiguration {

    /** "Now" for questions asked without an explicit instant (which complaints are overdue). */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
