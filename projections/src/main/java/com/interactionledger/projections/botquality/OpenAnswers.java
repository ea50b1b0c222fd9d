package com.interactionledger.projections.botquality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of a session whose escalation window is still open, each with the further answers of the bot it has
 * left, as the session's row stores them ({@code <message id>@<left>;...}; neither character is allowed in an id).
 */
final class OpenAnswers {

    private final Map<String, Integer> left = new LinkedHashMap<>();

    private OpenAnswers() {
    }

    static OpenAnswers parse(String stored) {
        OpenAnswers open = new OpenAnswers();
        if (stored != null && !stored.isEmpty()) {
            for (String entry : stored.split(";")) {
                int at = entry.lastIndexOf('@');
                open.left.put(entry.substring(0, at), Integer.parseInt(entry.substring(at + 1)));
            }
        }
        return open;
    }

    boolean isEmpty() {
        return left.isEmpty();
    }

    List<String> messageIds() {
        return new ArrayList<>(left.keySet());
    }

    void open(String messageId, int window) {
        left.put(messageId, window);
    }

    /**
     * The bot answered again: an answer with no answer left closes (this one is past its window), the others have
     * one less.
     */
    void botAnsweredAgain() {
        left.entrySet().removeIf(entry -> entry.getValue() == 0);
        left.replaceAll((messageId, messages) -> messages - 1);
    }

    void clear() {
        left.clear();
    }

    String stored() {
        StringBuilder stored = new StringBuilder();
        left.forEach((messageId, messages) -> stored.append(stored.length() == 0 ? "" : ";")
                .append(messageId).append('@').append(messages));
        return stored.toString();
    }
}
