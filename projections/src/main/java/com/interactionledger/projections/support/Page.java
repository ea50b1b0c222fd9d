package com.interactionledger.projections.support;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A page of a query's answer. The rows are read with one more than the page holds: that extra row, never shown, tells
 * whether another page follows.
 *
 * @param rows at most the limit the query asked for
 * @param more whether another page follows
 */
public record Page<T>(List<T> rows, boolean more) {

    /**
     * Checks the limit a query asks for (1 to {@code maxLimit}), reads one row more than it with {@code fetch} and
     * keeps the page.
     */
    public static <T> Page<T> read(int limit, int maxLimit, IntFunction<List<T>> fetch) {
        if (limit < 1 || limit > maxLimit) {
            throw new IllegalArgumentException("limit must be 1.." + maxLimit);
        }
        List<T> fetched = fetch.apply(limit + 1);
        boolean more = fetched.size() > limit;
        return new Page<>(more ? fetched.subList(0, limit) : fetched, more);
    }

    /** Where the next page starts, made from this page's last row; null when none follows. */
    public <C> C next(Function<T, C> cursorAfter) {
        return more ? cursorAfter.apply(rows.get(rows.size() - 1)) : null;
    }
}
