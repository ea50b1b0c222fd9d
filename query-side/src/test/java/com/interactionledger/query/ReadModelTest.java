package com.interactionledger.query;

import com.interactionledger.projections.testsupport.PostgresDatabaseInitializer;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of read models through the query API: the query side's test application, reached over real HTTP, on a
 * PostgreSQL database of its own; one instance per class, so the events a class appends once serve all its tests.
 * {@code properties} name the class's own ledger ({@code ledger.test.ledger=...}) where its figures must count only
 * its events, and any setting it changes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = QuerySideTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresDatabaseInitializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface ReadModelTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
