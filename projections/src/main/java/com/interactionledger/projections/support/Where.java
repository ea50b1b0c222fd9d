package com.interactionledger.projections.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The WHERE clause of a read model's query, built from the query's filters: conditions joined by {@code AND}, their
 * values bound in the same order. A filter the query leaves empty (null) adds nothing. Conditions come from code,
 * never from input; values are always bound.
 */
public final class Where {

    private final StringBuilder sql;
    private final List<Object> args = new ArrayList<>();

    /** The condition every row of the query meets, with its values. */
    public Where(String condition, Object... values) {
        this.sql = new StringBuilder(condition);
        Collections.addAll(args, values);
    }

    /** Adds a condition with its values. */
    public Where and(String condition, Object... values) {
        sql.append(" AND ").append(condition);
        Collections.addAll(args, values);
        return this;
    }

    /** Adds a condition of one value, unless the value is null (the filter is not used). */
    public Where andIfPresent(String condition, Object value) {
        return value == null ? this : and(condition, value);
    }

    /** Adds a condition on what is stored for a filter's value, unless the value is null (the filter is not used). */
    public <T> Where andIfPresent(String condition, T value, Function<T, Object> stored) {
        return value == null ? this : and(condition, stored.apply(value));
    }

    /** The values of the conditions, in order, followed by {@code more} (those of a {@code LIMIT}, say). */
    public Object[] args(Object... more) {
        List<Object> all = new ArrayList<>(args.size() + more.length);
        all.addAll(args);
        Collections.addAll(all, more);
        return all.toArray();
    }

    /** The conditions, to follow {@code WHERE}. */
    @Override
    public String toString() {
        return sql.toString();
    }
}
