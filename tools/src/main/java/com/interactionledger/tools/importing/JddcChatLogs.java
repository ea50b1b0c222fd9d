package com.interactionledger.tools.importing;

import com.interactionledger.contracts.common.CustomerId;
import com.interactionledger.contracts.common.Identifiers;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.AgentId;
import com.interactionledger.contracts.dialogue.AssignAgent;
import com.interactionledger.contracts.dialogue.Caller;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.DialogueCommand;
import com.interactionledger.contracts.dialogue.ImportSession;
import com.interactionledger.contracts.dialogue.MessageId;
import com.interactionledger.contracts.dialogue.RecordMessage;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.dialogue.StartSession;
import com.interactionledger.contracts.dialogue.TransferMode;
import com.interactionledger.contracts.dialogue.TransferSession;
import com.interactionledger.tools.importing.source.DelimitedFile;
import com.interactionledger.tools.importing.source.DelimitedFile.Row;
import com.interactionledger.tools.importing.source.SourceColumns;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * JDDC chat logs (the JD Dialog Challenge's {@code chat.txt} and its samples): tab-separated, no header, one turn a
 * line — session, customer, sender (0 customer, 1 agent), transfer flag, repeat-inquiry flag, sku, text — with each
 * session's lines together. Each session becomes one imported session on {@link #CHANNEL} in Chinese, its turns the
 * customer's and the agent's messages in the file's order; the mapping is in docs/IMPORTING.md ("JDDC chat logs").
 * <p>
 * The source records no time at all, so the run must say when its conversations happened ({@code --occurred-at}):
 * every event of the file is valid at that instant, and the order of a session's messages is its events' sequence.
 * A session is imported whole or not at all: a line that cannot be read rejects the session it is in.
 */
public final class JddcChatLogs implements SourceFormat {

    static final int FIELDS = 7;
    /** How an agent's turn joins the several messages it sent at once (the organisers' readme). */
    static final String MESSAGE_SEPARATOR = "!@@@!";
    /** A turn without a reply, as the organisers' readme writes it: no message. */
    static final String NO_REPLY = "NULL";
    /** JD.com's customer service chat, on its web site and in its app: a written online chat. */
    static final Channel CHANNEL = Channel.WEB_CHAT;
    static final String LANGUAGE = "zh-CN";
    /** Where every JDDC session starts: the source names no queue. */
    static final String QUEUE = "jddc";
    /** Where a session the source flags as transferred goes. */
    static final String TRANSFER_QUEUE = "jddc-transferred";
    /** The source names no agent: the one who holds each session from its start. */
    static final AgentId AGENT = new AgentId("jddc-agent");
    /** The one who takes a transferred session up, where the source has turns after the transfer. */
    static final AgentId AGENT_AFTER_TRANSFER = new AgentId("jddc-agent-2");
    static final String PREFIX = "jddc-";
    static final String TRANSFER_REASON = "JDDC transfer flag (field 4) is 1";

    @Override
    public String name() {
        return "jddc";
    }

    @Override
    public DelimitedFile open(InputStream in) {
        // No quoting: a quote in a JDDC text is text (the source was written without any).
        return DelimitedFile.tsv(in);
    }

    @Override
    public void read(DelimitedFile file, Settings settings, Consumer<Record> records, Rejects rejects)
            throws IOException {
        settings.occurredAtOrRefuse("JDDC chat logs");
        Reading reading = new Reading(settings, records, rejects);
        for (Row row = file.next(); row != null; row = file.next()) {
            if (row instanceof Row.Malformed malformed) {
                reading.unreadable(malformed);
            } else if (row instanceof Row.Record record) {
                reading.line(record);
            }
        }
        reading.end();
    }

    /** One turn of a session: a line of the file, its messages not yet split. */
    private record Turn(long line, boolean agent, boolean transfer, String text) {
    }

    /** Why a line is not a turn, and in which column (1 is the first). */
    private record Problem(int column, String reason) {
    }

    /** The lines of one session as they are read; handed on whole when its last line has been read. */
    private static final class Session {
        final String sourceId;
        final long firstLine;
        long lastLine;
        String customer;
        final List<Turn> turns = new ArrayList<>();
        /** Some line of it, or next to it, cannot be imported (and was reported): nothing of it is imported. */
        boolean rejected;
        /** The first and last lines of this session read earlier, when its lines are not together; else null. */
        final long[] earlier;

        Session(String sourceId, long firstLine, long[] earlier) {
            this.sourceId = sourceId;
            this.firstLine = firstLine;
            this.lastLine = firstLine;
            this.earlier = earlier;
        }
    }

    /** The state of one reading of a file: the session being read, and the sessions read before it. */
    private static final class Reading {
        private final Settings settings;
        private final Consumer<Record> records;
        private final Rejects rejects;
        private final Caller importer;
        /** Every session read so far: its first and last lines, to tell a session whose lines are not together. */
        private final Map<String, long[]> read = new HashMap<>();
        private Session current;
        /** Lines that could not be read, reported once the line after them tells which sessions they lie between. */
        private final List<Row.Malformed> unreadable = new ArrayList<>();
        private String beforeUnreadable;

        Reading(Settings settings, Consumer<Record> records, Rejects rejects) {
            this.settings = settings;
            this.records = records;
            this.rejects = rejects;
            this.importer = Caller.importer(settings.importer(), Set.of(CHANNEL));
        }

        /**
         * A line that cannot be read (invalid UTF-8, a bare carriage return, no tab at all): which session it is in
         * cannot be told from it, so it rejects the session being read and, if the next line starts another, that
         * one too (the line may have been its first) — better a session not imported than one missing a turn.
         */
        void unreadable(Row.Malformed malformed) {
            if (unreadable.isEmpty()) {
                beforeUnreadable = current == null ? null : current.sourceId;
            }
            if (current != null) {
                current.rejected = true;
            }
            unreadable.add(malformed);
        }

        void line(Row.Record record) {
            List<String> fields = record.fields();
            long line = record.line();
            if (fields.size() < 2) {
                unreadable(new Row.Malformed(line, 0, "expected " + FIELDS + " tab-separated fields, found "
                        + fields.size()));
                return;
            }
            String sourceId = fields.get(0).strip();
            if (current == null || !current.sourceId.equals(sourceId)) {
                endSession();
                current = new Session(sourceId, line, read.get(sourceId));
            }
            if (!unreadable.isEmpty()) {
                current.rejected = true;
                reportUnreadable(sourceId);
            }
            current.lastLine = line;
            if (current.earlier == null && !turn(current, fields, line)) {
                current.rejected = true;
            }
        }

        /** The file has ended. */
        void end() {
            if (!unreadable.isEmpty()) {
                reportUnreadable(null);
            }
            endSession();
        }

        private void reportUnreadable(String after) {
            List<String> sessions = new ArrayList<>();
            if (beforeUnreadable != null) {
                sessions.add(PREFIX + beforeUnreadable);
            }
            if (after != null && !after.equals(beforeUnreadable)) {
                sessions.add(PREFIX + after);
            }
            String rejected = switch (sessions.size()) {
                case 0 -> "";
                case 1 -> "; so " + sessions.get(0) + ", the session it is in or next to, is not imported";
                default -> "; which session it is in cannot be told, so neither " + sessions.get(0) + " nor "
                        + sessions.get(1) + " is imported";
            };
            unreadable.forEach(malformed -> rejects.reject(malformed.line(), malformed.field(), malformed.reason()
                    + rejected));
            unreadable.clear();
        }

        /** Adds the line's turn to the session; or reports why the line cannot be taken, and says false. */
        private boolean turn(Session session, List<String> fields, long line) {
            String nothing = "; nothing of session " + PREFIX + session.sourceId + " is imported";
            if (fields.size() != FIELDS) {
                rejects.reject(line, 0, "expected " + FIELDS + " tab-separated fields, found " + fields.size()
                        + nothing);
                return false;
            }
            Problem problem = problem(session, fields);
            if (problem != null) {
                rejects.reject(line, problem.column(), problem.reason() + nothing);
                return false;
            }
            session.customer = fields.get(1).strip();
            session.turns.add(new Turn(line, fields.get(2).strip().equals("1"), fields.get(3).strip().equals("1"),
                    fields.get(6)));
            return true;
        }

        /** What is wrong with the line, or null when it is a turn of the session. */
        private static Problem problem(Session session, List<String> fields) {
            if (!Identifiers.isValid(PREFIX + session.sourceId)) {
                return new Problem(1, "the session id \"" + session.sourceId + "\" does not make a ledger id ("
                        + Identifiers.PATTERN + " after \"" + PREFIX + "\")");
            }
            String customer = fields.get(1).strip();
            if (!Identifiers.isValid(PREFIX + customer)) {
                return new Problem(2, "the customer id \"" + customer + "\" does not make a ledger id ("
                        + Identifiers.PATTERN + " after \"" + PREFIX + "\")");
            }
            if (session.customer != null && !session.customer.equals(customer)) {
                return new Problem(2, "the customer " + customer + " is not the session's (" + session.customer
                        + ", on its earlier lines)");
            }
            String[] flags = {"sender (0 customer, 1 agent)", "transfer flag", "repeat-inquiry flag"};
            for (int i = 0; i < flags.length; i++) {
                String value = fields.get(2 + i).strip();
                if (!value.equals("0") && !value.equals("1")) {
                    return new Problem(3 + i, "the " + flags[i] + " is \"" + value + "\", not 0 or 1");
                }
            }
            return null;
        }

        /** The session being read has ended: it is handed on, unless it cannot be imported whole. */
        private void endSession() {
            Session session = current;
            current = null;
            if (session == null) {
                return;
            }
            if (session.earlier != null) {
                rejects.reject(session.firstLine, 1, "session " + session.sourceId + " was read already, on lines "
                        + session.earlier[0] + "-" + session.earlier[1] + ", and other sessions came between: a"
                        + " session's lines must be together, so its lines " + session.firstLine + "-"
                        + session.lastLine + " are not imported (those read first are imported as the session)");
                return;
            }
            read.put(session.sourceId, new long[]{session.firstLine, session.lastLine});
            if (!session.rejected) {
                records.accept(new Record(session.sourceId, session.firstLine, PREFIX + session.sourceId,
                        PREFIX + session.customer, command(session)));
            }
        }

        private ImportSession command(Session session) {
            SessionId id = new SessionId(PREFIX + session.sourceId);
            Instant at = settings.occurredAt();
            StartSession start = new StartSession(id, new CustomerId(PREFIX + session.customer), CHANNEL, null, null,
                    LANGUAGE, QUEUE, null, at);
            List<DialogueCommand> then = new ArrayList<>();
            then.add(new AssignAgent(id, null, AGENT, at));
            int transferAfter = -1;
            for (int i = 0; i < session.turns.size(); i++) {
                if (session.turns.get(i).transfer()) {
                    transferAfter = i;
                }
            }
            for (int i = 0; i < session.turns.size(); i++) {
                Turn turn = session.turns.get(i);
                List<String> messages = messages(turn);
                for (int k = 0; k < messages.size(); k++) {
                    String text = messages.get(k);
                    if (text == null) {
                        continue;
                    }
                    String messageId = messages.size() == 1 ? "line-" + turn.line() : "line-" + turn.line() + "-"
                            + (k + 1);
                    then.add(new RecordMessage(id, null, new MessageId(messageId), turn.agent()
                            ? ParticipantRole.AGENT : ParticipantRole.CUSTOMER, null, text, LANGUAGE, List.of(), at,
                            importer));
                }
                if (i == transferAfter) {
                    then.add(new TransferSession(id, null, null, TRANSFER_QUEUE, TransferMode.COLD, TRANSFER_REASON,
                            null, at));
                    if (i + 1 < session.turns.size()) {
                        then.add(new AssignAgent(id, null, AGENT_AFTER_TRANSFER, at));
                    }
                }
            }
            return new ImportSession(start, then);
        }
    }

    /**
     * The messages of a turn, by their place in it: an agent's turn is split at {@link #MESSAGE_SEPARATOR}, a
     * customer's is one message. A part that is empty, blank or {@link #NO_REPLY} is no message (null), keeping
     * the others' places; the text of the others is kept exactly, spaces and all.
     */
    private static List<String> messages(Turn turn) {
        List<String> parts = turn.agent() ? split(turn.text()) : List.of(turn.text());
        List<String> messages = new ArrayList<>(parts.size());
        for (String part : parts) {
            messages.add(part.isBlank() || part.equals(NO_REPLY) ? null : part);
        }
        return messages;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = text.indexOf(MESSAGE_SEPARATOR); at >= 0; at = text.indexOf(MESSAGE_SEPARATOR, from)) {
            parts.add(text.substring(from, at));
            from = at + MESSAGE_SEPARATOR.length();
        }
        parts.add(text.substring(from));
        return parts;
    }
}
