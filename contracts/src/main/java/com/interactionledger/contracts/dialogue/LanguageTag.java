package com.interactionledger.contracts.dialogue;

import java.util.Locale;

/**
 * Splits a BCP 47 language tag as clients send it ({@code zh-CN}, {@code en}, {@code zh-Hant-TW}) into the
 * language, which says how to read the text, and the region, which analysts group by: the region is the first
 * subtag after the primary language that is two letters or three digits; the language is the tag without it.
 * One rule for the command side (new events) and the upcaster (events stored before the split).
 */
public final class LanguageTag {

    private LanguageTag() {
    }

    public static String languageOf(String tag) {
        if (tag == null) {
            return null;
        }
        String region = regionOf(tag);
        if (region == null) {
            return tag;
        }
        String[] subtags = tag.split("-");
        StringBuilder language = new StringBuilder(subtags[0]);
        boolean skipped = false;
        for (int i = 1; i < subtags.length; i++) {
            if (!skipped && isRegion(subtags[i])) {
                skipped = true;
                continue;
            }
            language.append('-').append(subtags[i]);
        }
        return language.toString();
    }

    /** The region subtag, upper case (ISO 3166 alpha-2) or as given (UN M.49 digits); null when there is none. */
    public static String regionOf(String tag) {
        if (tag == null) {
            return null;
        }
        String[] subtags = tag.split("-");
        for (int i = 1; i < subtags.length; i++) {
            if (isRegion(subtags[i])) {
                return subtags[i].toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static boolean isRegion(String subtag) {
        return subtag.matches("[A-Za-z]{2}|[0-9]{3}");
    }
}
