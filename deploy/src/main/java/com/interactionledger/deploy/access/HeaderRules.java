package com.interactionledger.deploy.access;

import java.util.function.Predicate;

/**
 * The request firewall's rules for header names and values and parameter names, as Spring Security's
 * {@code StrictHttpFirewall} states them by default (every character assigned in Unicode and no control character;
 * a header value may hold tabs), checked character by character instead of with a regular expression over the
 * whole value: the bearer token is a kilobyte long, and the regular expression was the hottest frame of a request.
 */
final class HeaderRules {

    static final Predicate<String> NAMES = value -> assignedWithoutControls(value, false);
    static final Predicate<String> VALUES = value -> assignedWithoutControls(value, true);

    private HeaderRules() {
    }

    static boolean assignedWithoutControls(String value, boolean tabAllowed) {
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            if (!Character.isDefined(codePoint)
                    || Character.isISOControl(codePoint) && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
