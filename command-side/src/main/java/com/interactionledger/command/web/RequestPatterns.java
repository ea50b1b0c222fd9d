package com.interactionledger.command.web;

import com.interactionledger.contracts.common.Identifiers;

/**
 * What the command API's request bodies accept in their fields, for their {@code @Pattern} checks: one definition,
 * so a session, a complaint and an article take an id, a code or a language tag alike.
 */
public final class RequestPatterns {

    /** An identifier ({@link Identifiers#PATTERN}). */
    public static final String ID = Identifiers.PATTERN;
    /** A code: a queue, a product, a resolution or a reason (letters, digits and {@code . _ : -}, up to 64). */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    /** A BCP 47 language tag ({@code en}, {@code zh-CN}, {@code zh-Hant-TW}). */
    public static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}";

    private RequestPatterns() {
    }
}
