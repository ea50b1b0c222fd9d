package com.interactionledger.ledger.stored;

import java.util.Collections;

/** The JDBC placeholders of a list of values, as {@code IN (...)} and {@code VALUES (...)} take them. */
public final class Placeholders {

    private Placeholders() {
    }

    /** {@code ?, ?, ...}: one placeholder for each of {@code count} values. */
    public static String of(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
