package com.interactionledger.tools.importing;

import com.interactionledger.contracts.analytics.AnalyticsDimension;
import com.interactionledger.contracts.analytics.AnalyticsFilter;
import com.interactionledger.contracts.analytics.EfficiencyFigures;
import com.interactionledger.contracts.analytics.EfficiencyReport;
import com.interactionledger.contracts.analytics.FindServiceEfficiency;
import com.interactionledger.contracts.common.ParticipantRole;
import com.interactionledger.contracts.dialogue.Channel;
import com.interactionledger.contracts.dialogue.SessionId;
import com.interactionledger.contracts.timeline.FindSession;
import com.interactionledger.contracts.timeline.SessionView;
import com.interactionledger.contracts.timeline.TimelineEntryKind;
import com.interactionledger.replay.verify.LedgerVerifier;
import com.interactionledger.replay.verify.VerificationReport;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The TWCS files of {@code ../shared/data} imported into a ledger on PostgreSQL — pandas' 5,000-tweet head (an
 * unnamed index column first) and the official 7-column sample — and every figure the read models give per brand
 * (threads, answered threads, median and p90 first-response time) equal to what this test computes from the CSV
 * itself, with a CSV reading and a thread building of its own, not the importer's. A second import appends
 * nothing, and the hash chain is intact. Skipped, saying so, where {@code ../shared/data} is absent.
 */
class TwcsImportAcceptanceTest {

    static final Path DATA = Path.of("..", "..", "shared", "data", "twcs").toAbsolutePath().normalize();
    static final Path HEAD = DATA.resolve("twcs_head5000.csv");
    static final Path SAMPLE = DATA.resolve("sample.csv");

    static ConfigurableApplicationContext ledger;
    static Importer.Summary headImport;
    static Importer.Summary sampleImport;
    static Path headRejects;
    static Path sampleRejects;
    static Map<String, Figures> afterTheHead;
    static Map<String, Figures> afterBoth;

    /** What the test compares per brand: threads, answered threads, median and p90 first response (seconds). */
    record Figures(long threads, long answered, Double p50Seconds, Double p90Seconds) {
    }

    @BeforeAll
    static void importBothFiles(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isRegularFile(HEAD) && Files.isRegularFile(SAMPLE), () -> "skipped: " + DATA
                + " lacks twcs_head5000.csv or sample.csv (the shared data folder is not beside this clone)");
        ledger = ImportLedgers.onFreshPostgres("twcs-import");
        headRejects = dir.resolve("head-rejects.csv");
        sampleRejects = dir.resolve("sample-rejects.csv");
        headImport = ImportCli.importer(ledger).run(new TwcsThreads(), HEAD, Importer.Run.of(headRejects, "run-head",
                16), null);
        ImportCli.awaitReadModels(ledger);
        afterTheHead = figuresOfTheLedger();
        // the sample's tweets are others than the head's: after it the ledger holds the threads of both files
        sampleImport = ImportCli.importer(ledger).run(new TwcsThreads(), SAMPLE, Importer.Run.of(sampleRejects,
                "run-sample", 16), null);
        ImportCli.awaitReadModels(ledger);
        afterBoth = figuresOfTheLedger();
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void theTweetWithBareCarriageReturnsIsTheOnlyRejectAndEveryThreadIsImported() throws IOException {
        RawFile head = RawFile.read(HEAD);
        List<RawThread> headThreads = threads(head);
        assertThat(head.broken).hasSize(1);
        RawCsv.Record broken = head.broken.get(0);

        assertThat(Files.readAllLines(headRejects)).containsExactly("file,line,column,reason",
                "\"twcs_head5000.csv\"," + broken.line() + "," + broken.bareCrColumn()
                        + ",\"a carriage return that does not end a line\"");
        assertThat(headImport.records()).isEqualTo(headThreads.size());
        assertThat(headImport.imported()).isEqualTo(headThreads.size());
        assertThat(headImport.rejected()).isEqualTo(1);

        List<RawThread> sampleThreads = threads(RawFile.read(SAMPLE));
        assertThat(Files.readAllLines(sampleRejects)).containsExactly("file,line,column,reason");
        assertThat(sampleImport.imported()).isEqualTo(sampleThreads.size());
    }

    @Test
    void threadsAnsweredThreadsAndTheMedianAndP90FirstResponsePerBrandEqualTheRawFiles() throws IOException {
        List<RawThread> head = threads(RawFile.read(HEAD));
        List<RawThread> sample = threads(RawFile.read(SAMPLE));

        assertThat(afterTheHead).isEqualTo(figures(head));
        assertThat(afterBoth).isEqualTo(figures(Stream.concat(head.stream(), sample.stream()).toList()));
    }

    @Test
    void eachThreadsTweetsAreItsSessionsMessagesWordForWordByTheirAuthorsAtTheirTimes() throws IOException {
        // every thread of the sample, and the fifty longest of the head
        List<RawThread> threads = new ArrayList<>(threads(RawFile.read(SAMPLE)));
        threads.addAll(threads(RawFile.read(HEAD)).stream()
                .sorted(Comparator.comparingInt((RawThread thread) -> thread.tweets.size()).reversed()).limit(50)
                .toList());

        for (RawThread thread : threads) {
            SessionView session = ledger.getBean(QueryGateway.class).query(new FindSession(
                    new SessionId("twcs-" + thread.root.id), null, FindSession.MAX_LIMIT),
                    ResponseTypes.optionalInstanceOf(SessionView.class)).join().orElseThrow();
            assertThat(session.entries().stream().filter(entry -> entry.kind() == TimelineEntryKind.MESSAGE)
                    .map(entry -> entry.occurredAt() + " " + entry.actorRole() + " " + entry.actorId() + ": "
                            + entry.text()))
                    .as("thread %s", thread.root.id)
                    .containsExactlyElementsOf(thread.tweets.stream().map(tweet -> tweet.createdAt + " "
                            + (tweet.inbound ? ParticipantRole.CUSTOMER + " twcs-" + thread.customer
                            : ParticipantRole.AGENT + " " + tweet.author) + ": " + tweet.text).toList());
        }
    }

    @Test
    void importingTheSameFilesAgainAppendsNothingAndTheHashChainIsIntact(@TempDir Path dir) throws IOException {
        JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
        Long before = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);

        Importer.Summary head = ImportCli.importer(ledger).run(new TwcsThreads(), HEAD,
                Importer.Run.of(dir.resolve("head-again.csv"), "run-head-2", 16), null);
        Importer.Summary sample = ImportCli.importer(ledger).run(new TwcsThreads(), SAMPLE,
                Importer.Run.of(dir.resolve("sample-again.csv"), "run-sample-2", 16), null);

        assertThat(head.skipped()).isEqualTo(threads(RawFile.read(HEAD)).size());
        assertThat(sample.skipped()).isEqualTo(threads(RawFile.read(SAMPLE)).size());
        assertThat(head.imported() + sample.imported()).isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class))
                .isEqualTo(before);
        VerificationReport chain = jdbc.execute((ConnectionCallback<VerificationReport>) connection ->
                LedgerVerifier.verify(connection, List.of()));
        assertThat(chain.intact()).as(chain.toString()).isTrue();
    }

    private static Map<String, Figures> figuresOfTheLedger() {
        AnalyticsFilter social = new AnalyticsFilter(null, null, Channel.SOCIAL, null, null, null, null, null, null);
        EfficiencyReport report = ledger.getBean(QueryGateway.class).query(new FindServiceEfficiency(social,
                AnalyticsDimension.QUEUE), ResponseTypes.instanceOf(EfficiencyReport.class)).join();
        Map<String, Figures> figures = new TreeMap<>();
        for (EfficiencyFigures group : report.groups()) {
            figures.put(group.group(), new Figures(group.sessions(), group.firstResponse().measured(),
                    group.firstResponse().p50Seconds(), group.firstResponse().p90Seconds()));
        }
        return figures;
    }

    // ---- this test's own computation from the raw files ----

    /** Per brand: threads, those a brand answered after the customer spoke, median and p90 of that wait. */
    static Map<String, Figures> figures(List<RawThread> threads) {
        Map<String, List<RawThread>> byBrand = threads.stream().collect(Collectors.groupingBy(thread -> thread.brand));
        Map<String, Figures> figures = new TreeMap<>();
        byBrand.forEach((brand, members) -> {
            List<Double> waits = members.stream().map(RawThread::firstResponseSeconds)
                    .filter(seconds -> seconds != null).sorted().toList();
            figures.put(brand, new Figures(members.size(), waits.size(), nearestRank(waits, 0.5),
                    nearestRank(waits, 0.9)));
        });
        return figures;
    }

    /** The smallest value with at least this share of the values at or below it. */
    private static Double nearestRank(List<Double> sorted, double share) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = 1;
        while ((double) rank / sorted.size() < share) {
            rank++;
        }
        return sorted.get(rank - 1);
    }

    /** One tweet as this test reads it. */
    record Tweet(long id, String author, boolean inbound, Instant createdAt, String text, Long parent) {
    }

    /** One thread as this test builds it. */
    static final class RawThread {
        final Tweet root;
        final List<Tweet> tweets = new ArrayList<>();
        String customer;
        String brand;

        RawThread(Tweet root) {
            this.root = root;
        }

        /** From the customer's first tweet to the first brand tweet after it; null when there is none. */
        Double firstResponseSeconds() {
            Instant asked = null;
            for (Tweet tweet : tweets) {
                if (tweet.inbound && asked == null) {
                    asked = tweet.createdAt;
                } else if (!tweet.inbound && asked != null) {
                    return Duration.between(asked, tweet.createdAt).toMillis() / 1000.0;
                }
            }
            return null;
        }
    }

    /**
     * The threads of a file, built in one pass over all its tweets in time order (then by id): a tweet joins the
     * thread of the tweet it answers, unless that tweet is not in the file, or it is an inbound tweet by someone
     * other than that thread's customer — then it starts a thread. (The pass needs every reply to come after what
     * it answers, which the files keep; it says so if one does not.)
     */
    static List<RawThread> threads(RawFile file) {
        Map<Long, Tweet> byId = new LinkedHashMap<>();
        Map<String, String> brands = new HashMap<>();
        for (Tweet tweet : file.tweets) {
            assertThat(byId.putIfAbsent(tweet.id, tweet)).as("tweet %s twice", tweet.id).isNull();
            if (!tweet.inbound) {
                brands.putIfAbsent(tweet.author.toLowerCase(Locale.ROOT), tweet.author);
            }
        }
        List<Tweet> inTime = new ArrayList<>(byId.values());
        inTime.sort(Comparator.comparing((Tweet tweet) -> tweet.createdAt).thenComparingLong(tweet -> tweet.id));
        Map<Long, RawThread> threadOf = new HashMap<>();
        List<RawThread> threads = new ArrayList<>();
        for (Tweet tweet : inTime) {
            boolean answersOneInTheFile = tweet.parent != null && byId.containsKey(tweet.parent);
            RawThread thread = answersOneInTheFile ? threadOf.get(tweet.parent) : null;
            if (answersOneInTheFile) {
                assertThat(thread).as("tweet %s comes before the tweet it answers", tweet.id).isNotNull();
            }
            if (thread == null || tweet.inbound && thread.customer != null && !thread.customer.equals(tweet.author)) {
                thread = new RawThread(tweet);
                threads.add(thread);
            }
            if (tweet.inbound && thread.customer == null) {
                thread.customer = tweet.author;
            }
            thread.tweets.add(tweet);
            threadOf.put(tweet.id, thread);
        }
        for (RawThread thread : threads) {
            thread.brand = thread.tweets.stream().filter(tweet -> !tweet.inbound).map(tweet -> tweet.author)
                    .findFirst().orElseGet(() -> mentions(thread.root.text).stream()
                            .map(handle -> brands.get(handle.toLowerCase(Locale.ROOT))).filter(brand -> brand != null)
                            .findFirst().orElse("no-brand"));
        }
        return threads;
    }

    /** The @handles of a text: an @ and then 1 to 15 letters, digits or underscores. */
    private static List<String> mentions(String text) {
        List<String> handles = new ArrayList<>();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int end = at + 1;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) < 128
                    || text.charAt(end) == '_')) {
                end++;
            }
            if (end > at + 1 && end - at - 1 <= 15) {
                handles.add(text.substring(at + 1, end));
            }
        }
        return handles;
    }

    /** A file's tweets, and its records broken by a carriage return that does not end a line. */
    record RawFile(List<Tweet> tweets, List<RawCsv.Record> broken) {

        private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                "Sep", "Oct", "Nov", "Dec");

        static RawFile read(Path path) throws IOException {
            List<RawCsv.Record> records = RawCsv.read(path);
            List<String> header = records.get(0).fields();
            int id = header.indexOf("tweet_id");
            int author = header.indexOf("author_id");
            int inbound = header.indexOf("inbound");
            int createdAt = header.indexOf("created_at");
            int text = header.indexOf("text");
            int parent = header.indexOf("in_response_to_tweet_id");
            List<Tweet> tweets = new ArrayList<>();
            List<RawCsv.Record> broken = new ArrayList<>();
            for (RawCsv.Record record : records.subList(1, records.size())) {
                if (record.bareCrColumn() > 0) {
                    broken.add(record);
                    continue;
                }
                List<String> fields = record.fields();
                assertThat(fields).as("line %s", record.line()).hasSameSizeAs(header);
                String parentId = fields.get(parent);
                tweets.add(new Tweet(Long.parseLong(fields.get(id)), fields.get(author),
                        fields.get(inbound).equals("True"), twitterTime(fields.get(createdAt)), fields.get(text),
                        parentId.isEmpty() ? null : (long) Double.parseDouble(parentId)));
            }
            return new RawFile(tweets, broken);
        }

        /** {@code Tue Oct 31 22:10:47 +0000 2017}, taken apart at its spaces. */
        private static Instant twitterTime(String value) {
            String[] parts = value.split(" ");
            String[] clock = parts[3].split(":");
            return LocalDateTime.of(Integer.parseInt(parts[5]), MONTHS.indexOf(parts[1]) + 1,
                    Integer.parseInt(parts[2]), Integer.parseInt(clock[0]), Integer.parseInt(clock[1]),
                    Integer.parseInt(clock[2])).toInstant(ZoneOffset.of(parts[4]));
        }
    }
}
