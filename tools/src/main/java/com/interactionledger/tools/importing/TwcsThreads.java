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
import com.interactionledger.contracts.dialogue.SocialNetwork;
import com.interactionledger.contracts.dialogue.StartSession;
import com.interactionledger.contracts.dialogue.TransferMode;
import com.interactionledger.contracts.dialogue.TransferSession;
import com.interactionledger.tools.importing.source.DelimitedFile;
import com.interactionledger.tools.importing.source.DelimitedFile.Row;
import com.interactionledger.tools.importing.source.SourceColumns;
import com.interactionledger.tools.importing.source.SourceColumns.Field;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customer-support threads from Twitter in the columns of the TWCS archive ({@code tweet_id, author_id, inbound,
 * created_at, text, response_tweet_id, in_response_to_tweet_id}), as sessions on {@code SOCIAL}/{@code X}: each
 * thread one session, its customer's tweets CUSTOMER messages, its brands' tweets AGENT messages, each at its
 * {@code created_at}, the brand as the queue. The rules (docs/IMPORTING.md, "Twitter customer-support threads"):
 * <ul>
 *   <li>A thread is a root tweet — one that answers nothing, or answers a tweet that is not in the file or was
 *       rejected — and every tweet that answers it, directly or through others, walked in time order
 *       ({@code created_at}, then {@code tweet_id}).</li>
 *   <li>A session has one customer: the author of the thread's first inbound tweet. An inbound tweet by anyone else
 *       starts a thread of its own, with the tweets that answer it.</li>
 *   <li>The brand, and the session's queue, is the author of the thread's first outbound tweet; a later outbound
 *       author is a transfer to that brand before its first tweet.</li>
 * </ul>
 * Threads span the whole file, whose replies may come before or after what they answer, so the file is read whole
 * before any thread is handed on: it must fit in memory.
 */
public final class TwcsThreads implements SourceFormat {

    static final List<Field> FIELDS = List.of(
            Field.required("tweetId", "tweet_id"),
            Field.required("authorId", "author_id"),
            Field.required("inbound", "inbound"),
            Field.required("createdAt", "created_at"),
            Field.required("text", "text"),
            Field.required("inResponseTo", "in_response_to_tweet_id"));

    /** The queue of a thread in which no brand speaks and whose first tweet names none: no Twitter handle has '-'. */
    static final String NO_BRAND = "no-brand";

    /** Where imported threads say they came in: the archive, not a live entry point of the bank's own. */
    static final String ENTRY_POINT = "twcs";

    /** How Twitter's API writes a time: {@code Tue Oct 31 22:10:47 +0000 2017}. */
    private static final DateTimeFormatter TWITTER_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss xx yyyy",
            Locale.ENGLISH);

    /** An id written as an integer, or as a float with no fraction (pandas writes a column with gaps as floats). */
    private static final Pattern TWEET_ID = Pattern.compile("(\\d{1,18})(?:\\.0*)?");

    /** A Twitter handle as it is mentioned in a tweet's text: up to 15 letters, digits and underscores. */
    private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_])");

    private static final Comparator<Tweet> IN_TIME = Comparator.comparing(Tweet::createdAt)
            .thenComparingLong(Tweet::id);

    @Override
    public String name() {
        return "twcs";
    }

    /** One tweet as the file has it; {@code parent} is null when it answers nothing. */
    record Tweet(long id, String author, boolean inbound, Instant createdAt, String text, Long parent, long line) {
    }

    @Override
    public void read(DelimitedFile file, Settings settings, Consumer<Record> records, Rejects rejects)
            throws IOException {
        Map<Long, Tweet> tweets = new LinkedHashMap<>();
        // Columns by name: the official 7-column file and pandas' copies with an unnamed index column first both fit.
        SourceColumns columns = SourceFormat.rowsBelowHeader(file, FIELDS, settings, rejects, (named, record) -> {
            try {
                Tweet tweet = tweet(named, record);
                Tweet earlier = tweets.putIfAbsent(tweet.id(), tweet);
                if (earlier != null) {
                    throw bad(named, "tweetId", "tweet " + tweet.id() + " is already on line " + earlier.line()
                            + " (the first is imported, this one is not)");
                }
            } catch (BadTweet bad) {
                rejects.reject(record.line(), bad.column, bad.getMessage());
            }
        });
        rejectLoops(tweets, columns, rejects);
        for (TweetThread thread : threads(tweets)) {
            records.accept(thread.record(settings.importer()));
        }
    }

    private static Tweet tweet(SourceColumns columns, Row.Record record) {
        List<String> fields = record.fields();
        long id = id(columns, "tweetId", required(columns, fields, "tweetId"));
        String author = required(columns, fields, "authorId");
        String inboundValue = required(columns, fields, "inbound");
        boolean inbound;
        if (inboundValue.equalsIgnoreCase("true")) {
            inbound = true;
        } else if (inboundValue.equalsIgnoreCase("false")) {
            inbound = false;
        } else {
            throw bad(columns, "inbound", "\"" + inboundValue + "\" is neither True nor False");
        }
        // the author becomes an agent id (a brand) or part of a customer id: both follow the ledger's id rule
        if (!Identifiers.isValid(inbound ? customer(author) : author)) {
            throw bad(columns, "authorId", "\"" + author + "\" cannot be an id on the ledger ("
                    + Identifiers.PATTERN + (inbound ? ", after \"twcs-\"" : "") + ")");
        }
        String parentValue = columns.get(fields, "inResponseTo").strip();
        Long parent = parentValue.isEmpty() ? null : id(columns, "inResponseTo", parentValue);
        // the text is kept as written, spaces and line breaks included; only a tweet of no text at all is refused
        String text = columns.get(fields, "text");
        if (text.isBlank()) {
            throw bad(columns, "text", "is empty");
        }
        return new Tweet(id, author, inbound, time(columns, required(columns, fields, "createdAt")), text, parent,
                record.line());
    }

    private static String required(SourceColumns columns, List<String> fields, String field) {
        String value = columns.get(fields, field).strip();
        if (value.isEmpty()) {
            throw bad(columns, field, "is empty");
        }
        return value;
    }

    private static long id(SourceColumns columns, String field, String value) {
        Matcher id = TWEET_ID.matcher(value);
        if (!id.matches()) {
            throw bad(columns, field, "\"" + value + "\" is not a tweet id (digits, or digits and \".0\")");
        }
        return Long.parseLong(id.group(1));
    }

    /** Twitter's own form, or an ISO-8601 date-time with its offset, as other republished copies write it. */
    private static Instant time(SourceColumns columns, String value) {
        try {
            return OffsetDateTime.parse(value, TWITTER_TIME).toInstant();
        } catch (DateTimeParseException notTwitters) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notIso) {
                throw bad(columns, "createdAt", "\"" + value + "\" is not a time (Tue Oct 31 22:10:47 +0000 2017,"
                        + " or 2017-10-31T22:10:47Z)");
            }
        }
    }

    private static BadTweet bad(SourceColumns columns, String field, String reason) {
        return new BadTweet(columns.column(field), field + " (column " + columns.column(field) + "): " + reason);
    }

    /** A value that cannot be read: the tweet is rejected, naming the column, and nothing of it is imported. */
    private static final class BadTweet extends RuntimeException {
        final int column;

        BadTweet(int column, String message) {
            super(message);
            this.column = column;
        }
    }

    /**
     * Tweets whose chain of answered tweets comes back to themselves belong to no root: each is rejected (no real
     * reply can answer a tweet written after it), and the tweets that answer them then start threads of their own.
     */
    private static void rejectLoops(Map<Long, Tweet> tweets, SourceColumns columns, Rejects rejects) {
        // each walk up the chain of answered tweets stamps what it passes: meeting its own stamp again is a loop
        Map<Long, Integer> walkOf = new HashMap<>();
        List<Tweet> looped = new ArrayList<>();
        int walk = 0;
        for (Tweet start : tweets.values()) {
            walk++;
            List<Tweet> path = new ArrayList<>();
            Tweet tweet = start;
            while (tweet != null && !walkOf.containsKey(tweet.id())) {
                walkOf.put(tweet.id(), walk);
                path.add(tweet);
                tweet = tweet.parent() == null ? null : tweets.get(tweet.parent());
            }
            if (tweet != null && walkOf.get(tweet.id()) == walk) {
                looped.addAll(path.subList(path.indexOf(tweet), path.size()));
            }
        }
        looped.sort(Comparator.comparingLong(Tweet::line));
        for (Tweet tweet : looped) {
            tweets.remove(tweet.id());
            rejects.reject(tweet.line(), columns.column("inResponseTo"), "inResponseTo (column "
                    + columns.column("inResponseTo") + "): tweet " + tweet.id() + " answers a chain of tweets that"
                    + " comes back to it");
        }
    }

    /** Every thread of the file, in the order of their root tweets' lines. */
    static List<TweetThread> threads(Map<Long, Tweet> tweets) {
        Map<Long, List<Tweet>> answers = new HashMap<>();
        Deque<Tweet> roots = new ArrayDeque<>();
        Map<String, String> brands = new HashMap<>();
        for (Tweet tweet : tweets.values()) {
            if (tweet.parent() != null && tweets.containsKey(tweet.parent())) {
                answers.computeIfAbsent(tweet.parent(), parent -> new ArrayList<>()).add(tweet);
            } else {
                roots.add(tweet);
            }
            if (!tweet.inbound()) {
                // handles are case-insensitive on Twitter: a mention finds the brand however it is written
                brands.putIfAbsent(tweet.author().toLowerCase(Locale.ROOT), tweet.author());
            }
        }
        List<TweetThread> threads = new ArrayList<>();
        while (!roots.isEmpty()) {
            Tweet root = roots.poll();
            List<Tweet> members = new ArrayList<>();
            String customer = null;
            PriorityQueue<Tweet> next = new PriorityQueue<>(IN_TIME);
            next.add(root);
            while (!next.isEmpty()) {
                Tweet tweet = next.poll();
                if (tweet != root && tweet.inbound() && customer != null && !customer.equals(tweet.author())) {
                    roots.add(tweet);
                    continue;
                }
                if (tweet.inbound() && customer == null) {
                    customer = tweet.author();
                }
                members.add(tweet);
                next.addAll(answers.getOrDefault(tweet.id(), List.of()));
            }
            members.sort(IN_TIME);
            threads.add(new TweetThread(root, members, customer(root, customer, brands),
                    brand(root, members, brands)));
        }
        threads.sort(Comparator.comparingLong(thread -> thread.root().line()));
        return threads;
    }

    private static String customer(String author) {
        return "twcs-" + author;
    }

    /**
     * The author of the first inbound tweet. A thread without one (a brand's tweets answering one that is not in
     * the file) is addressed to the customer its root mentions first that is no brand — its text is that customer's
     * personal data, sealed with their key, so erasing them erases it too; failing that, the thread is its own
     * unknown customer.
     */
    private static String customer(Tweet root, String inboundAuthor, Map<String, String> brands) {
        if (inboundAuthor != null) {
            return customer(inboundAuthor);
        }
        Matcher mention = MENTION.matcher(root.text());
        while (mention.find()) {
            String handle = mention.group(1);
            if (!brands.containsKey(handle.toLowerCase(Locale.ROOT)) && Identifiers.isValid(customer(handle))) {
                return customer(handle);
            }
        }
        return "twcs-thread-" + root.id();
    }

    /** The first outbound author; else the first brand the root mentions; else {@link #NO_BRAND}. */
    private static String brand(Tweet root, List<Tweet> members, Map<String, String> brands) {
        for (Tweet tweet : members) {
            if (!tweet.inbound()) {
                return tweet.author();
            }
        }
        Matcher mention = MENTION.matcher(root.text());
        while (mention.find()) {
            String brand = brands.get(mention.group(1).toLowerCase(Locale.ROOT));
            if (brand != null) {
                return brand;
            }
        }
        return NO_BRAND;
    }

    /** One thread: its root, its tweets in time order, who its customer is and which brand's queue it is in. */
    record TweetThread(Tweet root, List<Tweet> tweets, String customer, String brand) {

        SessionId sessionId() {
            return new SessionId("twcs-" + root.id());
        }

        /**
         * The session as the thread went: started at its first tweet in the brand's queue; the brand assigned at
         * its first reply, another brand transferred to before its own; nothing invented after the last tweet.
         */
        Record record(String importer) {
            SessionId session = sessionId();
            Caller caller = Caller.importer(importer, Set.of(Channel.SOCIAL));
            List<DialogueCommand> then = new ArrayList<>();
            AgentId holding = null;
            for (Tweet tweet : tweets) {
                ParticipantRole role = ParticipantRole.CUSTOMER;
                if (!tweet.inbound()) {
                    role = ParticipantRole.AGENT;
                    AgentId brand = new AgentId(tweet.author());
                    if (holding == null) {
                        then.add(new AssignAgent(session, null, brand, tweet.createdAt()));
                    } else if (!holding.equals(brand)) {
                        then.add(new TransferSession(session, null, brand, null, TransferMode.COLD,
                                "another brand answered in the thread", null, tweet.createdAt()));
                    }
                    holding = brand;
                }
                // the archive says nothing of a tweet's language, and the ledger guesses none
                then.add(new RecordMessage(session, null, new MessageId("tweet-" + tweet.id()), role, null,
                        tweet.text(), null, List.of(), tweet.createdAt(), caller));
            }
            StartSession start = new StartSession(session, new CustomerId(customer), Channel.SOCIAL,
                    SocialNetwork.X, ENTRY_POINT, null, brand, null, tweets.get(0).createdAt());
            return new Record(Long.toString(root.id()), root.line(), session.value(), customer,
                    new ImportSession(start, then));
        }
    }
}
