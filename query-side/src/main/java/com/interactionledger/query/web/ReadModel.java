package com.interactionledger.query.web;

import com.interactionledger.projections.freshness.ReadModelFreshness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The read model (processing group) a controller answers from. Its answers are wrapped with their freshness, and
 * callers may wait for a position ({@link FreshnessInterceptor}). A controller that reads the ledger itself names
 * {@link ReadModelFreshness#LEDGER}: its answers are stamped with the ledger's head at the read.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadModel {
    String value();
}
