package com.interactionledger.query.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The read model (processing group) a controller answers from. Its answers are wrapped with their freshness, and
 * callers may wait for a position ({@link FreshnessInterceptor}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadModel {
    String value();
}
