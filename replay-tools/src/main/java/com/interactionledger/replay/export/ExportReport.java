package com.interactionledger.replay.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.projections.history.BotAnswerBasis;
import com.interactionledger.projections.history.HistoryEvent;
import com.interactionledger.projections.history.QuotedArticle;
import com.interactionledger.projections.history.StreamState;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The export's human-readable report: one HTML page with the same content as {@code events.jsonl} (every event,
 * its place in the chain, its actor and its payload), written as the events stream past, then the states of the
 * customer's sessions and complaints. Plain HTML, no scripts, nothing fetched: it opens anywhere and prints.
 */
final class ExportReport {

    private final Writer out;

    ExportReport(Writer out) {
        this.out = out;
    }

    void begin(String title, List<String[]> facts) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html(title)
                + "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #999;padding:2px 6px;vertical-align:top;text-align:left}"
                + "code{white-space:pre-wrap;word-break:break-all;font-size:85%}</style>\n</head>\n<body>\n<h1>"
                + html(title) + "</h1>\n<table>\n");
        for (String[] fact : facts) {
            out.write("<tr><th>" + html(fact[0]) + "</th><td>" + html(fact[1]) + "</td></tr>\n");
        }
        out.write("</table>\n<h2>Events</h2>\n<table>\n<tr><th>position</th><th>recorded at</th><th>stream</th>"
                + "<th>event</th><th>actor</th><th>payload</th><th>chain hash</th></tr>\n");
    }

    void event(HistoryEvent event) throws IOException {
        out.write("<tr><td>" + event.position() + "</td><td>" + event.recordedAt() + "</td><td>"
                + html(event.stream()) + " #" + event.sequenceNumber() + "</td><td>" + html(event.type()) + " (rev. "
                + html(String.valueOf(event.revision())) + ")</td><td>" + html(actor(event.metadata())) + "</td><td><code>"
                + html(String.valueOf(event.payload())) + "</code></td><td><code>"
                + html(event.chainHash() == null ? "NOT LINKED" : event.chainHash()) + "</code></td></tr>\n");
    }

    void end(List<StreamState> sessions, List<StreamState> complaints, List<BotAnswerBasis> botAnswers)
            throws IOException {
        out.write("</table>\n");
        states("Sessions", sessions);
        states("Complaints", complaints);
        botAnswers(botAnswers);
        out.write("</body>\n</html>\n");
        out.flush();
    }

    private void states(String title, List<StreamState> states) throws IOException {
        if (states.isEmpty()) {
            return;
        }
        out.write("<h2>" + title + " as of the export's instant</h2>\n<table>\n<tr><th>id</th><th>state</th>"
                + "<th>events</th><th>last event at position</th><th>recorded at</th></tr>\n");
        for (StreamState state : states) {
            out.write("<tr><td>" + html(state.id()) + "</td><td>" + html(state.state()) + "</td><td>" + state.events()
                    + "</td><td>" + state.lastPosition() + "</td><td>" + state.lastChangeAt() + "</td></tr>\n");
        }
        out.write("</table>\n");
    }

    /** Each bot answer's quoted articles, and the version in force when it was given (bot-answers.json has more). */
    private void botAnswers(List<BotAnswerBasis> answers) throws IOException {
        if (answers.isEmpty()) {
            return;
        }
        out.write("<h2>Bot answers and the article versions in force when they were given</h2>\n<table>\n"
                + "<tr><th>position</th><th>session</th><th>message</th><th>answered at</th><th>article</th>"
                + "<th>quoted version</th><th>status</th><th>version in force</th></tr>\n");
        for (BotAnswerBasis answer : answers) {
            for (QuotedArticle article : answer.articles()) {
                out.write("<tr><td>" + answer.position() + "</td><td>" + html(answer.sessionId()) + "</td><td>"
                        + html(answer.messageId()) + "</td><td>" + answer.answeredAt() + "</td><td>"
                        + html(article.articleId()) + "</td><td>" + article.version() + "</td><td>"
                        + html(article.status()) + "</td><td>" + (article.inForceVersion() == null ? "none"
                        : article.inForceVersion() + " " + html(String.valueOf(article.inForceTitle()))
                        + " (from " + article.inForceFrom() + ")") + "</td></tr>\n");
            }
        }
        out.write("</table>\n");
    }

    private static String actor(JsonNode metadata) {
        if (metadata == null) {
            return "";
        }
        return metadata.path(LedgerMetadata.ACTOR_ROLE).asText("") + " " + metadata.path(LedgerMetadata.ACTOR_ID).asText("")
                + " via " + metadata.path(LedgerMetadata.CHANNEL).asText("");
    }

    static String html(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
