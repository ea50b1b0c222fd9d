package com.interactionledger.tools.importing;

import com.interactionledger.contracts.common.LedgerMetadata;
import com.interactionledger.ledger.sealing.CustomerKeys;
import com.interactionledger.ledger.stored.Placeholders;
import com.interactionledger.replay.FileDigests;
import com.interactionledger.tools.importing.source.DelimitedFile;
import com.interactionledger.tools.importing.source.SourceColumns;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports one file (docs/IMPORTING.md): reads it as its {@link SourceFormat} says, skips the records already on the
 * ledger, and sends each of the others as one command through the ledger's own command bus — the aggregates decide,
 * the group commit appends, the personal fields are sealed, the chain and the customer index grow as for any
 * command — from several threads at once, so that the group commit has batches to form. What cannot be imported goes
 * to the reject file with its line, column and reason; {@code strict} refuses the whole file, before anything is
 * written, on the first one.
 * <p>
 * Every event carries the run, the file's name and SHA-256, and the record's id and line in its metadata; its
 * recorded time is the ledger's, its valid time ({@code occurredAt}) the source's.
 */
public final class Importer {

    /** How many records' presence on the ledger is looked up at once. */
    private static final int CHUNK = 256;

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final CustomerKeys keys;
    private final String actor;

    /**
     * @param actor the importer's identity, from the service's configuration ({@code ledger.import.actor}): the
     *              actor every imported event names
     */
    public Importer(CommandGateway commands, JdbcTemplate jdbc, CustomerKeys keys, String actor) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.keys = keys;
        this.actor = actor;
    }

    /**
     * What one run did.
     *
     * @param records  records found in the file (imported, skipped or refused)
     * @param imported records appended by this run
     * @param skipped  records already on the ledger (an earlier run), appended again by no one
     * @param rejected rows or records not imported (see the reject file)
     * @param seconds  how long it took
     */
    public record Summary(String runId, String sha256, long records, long imported, long skipped, long rejected,
                          double seconds) {

        public double recordsPerSecond() {
            return seconds == 0 ? 0 : records / seconds;
        }

        @Override
        public String toString() {
            return String.format("run %s: %,d records: %,d imported, %,d already on the ledger, %,d rejected;"
                    + " %.1f s, %,.0f records/s (file SHA-256 %s)", runId, records, imported, skipped, rejected,
                    seconds, recordsPerSecond(), sha256);
        }
    }

    /** A file refused whole: its columns, or (with {@code --strict}) its first bad row. Nothing was written. */
    public static final class FileRefused extends RuntimeException {
        public FileRefused(String message) {
            super(message);
        }
    }

    /**
     * How a run goes, as the command line asks.
     *
     * @param mapping    field name to column name ({@code --mapping}), empty for none
     * @param occurredAt the valid time of a file whose source records none ({@code --occurred-at}), or null
     * @param strict     refuse the whole file on its first bad row, before anything is written
     * @param rejectFile where to write the rejects (CSV: file, line, column, reason); replaced if it exists
     * @param runId      the run's id, in every event's metadata
     * @param threads    how many commands are under way at once
     */
    public record Run(Map<String, String> mapping, Instant occurredAt, boolean strict, Path rejectFile, String runId,
                      int threads) {

        /** A run with no mapping, no --occurred-at, not strict. */
        public static Run of(Path rejectFile, String runId, int threads) {
            return new Run(Map.of(), null, false, rejectFile, runId, threads);
        }
    }

    /**
     * @param progress where the progress line goes (null: nowhere)
     */
    public Summary run(SourceFormat format, Path file, Run run, PrintStream progress) throws IOException {
        long started = System.nanoTime();
        String sha256 = FileDigests.sha256(file);
        String runId = run.runId();
        int threads = run.threads();
        Path rejectFile = run.rejectFile();
        SourceFormat.Settings settings = new SourceFormat.Settings(run.mapping(), run.occurredAt(), sha256, actor);
        if (run.strict()) {
            List<String> first = new ArrayList<>(1);
            readAll(format, file, settings, record -> { }, (line, column, reason) -> {
                if (first.isEmpty()) {
                    first.add("line " + line + (column > 0 ? ", column " + column : "") + ": " + reason);
                }
            }, null);
            if (!first.isEmpty()) {
                throw new FileRefused(file + " is refused (--strict), nothing was imported: " + first.get(0));
            }
        }
        Map<String, String> common = new HashMap<>(LedgerMetadata.fromTheService(actor, runId));
        common.putAll(Map.of(
                LedgerMetadata.IMPORT_RUN, runId,
                LedgerMetadata.SOURCE_FILE, file.getFileName().toString(),
                LedgerMetadata.SOURCE_SHA256, sha256));
        AtomicLong records = new AtomicLong();
        AtomicLong imported = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "import-" + format.name());
            thread.setDaemon(true);
            return thread;
        });
        Semaphore underWay = new Semaphore(threads * 2);
        try (BufferedWriter rejects = Files.newBufferedWriter(rejectFile, StandardCharsets.UTF_8)) {
            rejects.write("file,line,column,reason\n");
            SourceFormat.Rejects report = (line, column, reason) -> {
                rejected.incrementAndGet();
                synchronized (rejects) {
                    try {
                        rejects.write(csv(file.getFileName().toString()) + "," + line + "," + column + ","
                                + csv(reason) + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
            List<SourceFormat.Record> chunk = new ArrayList<>(CHUNK);
            Progress shown = new Progress(progress, format.name(), Files.size(file), started);
            readAll(format, file, settings, record -> {
                records.incrementAndGet();
                chunk.add(record);
                if (chunk.size() == CHUNK) {
                    send(chunk, common, underWay, senders, imported, skipped, report);
                    chunk.clear();
                }
                shown.update(imported.get(), skipped.get(), rejected.get());
            }, report, shown);
            send(chunk, common, underWay, senders, imported, skipped, report);
            underWay.acquireUninterruptibly(threads * 2);
            underWay.release(threads * 2);
            shown.done(imported.get(), skipped.get(), rejected.get());
        } finally {
            senders.shutdown();
            awaitQuietly(senders);
        }
        return new Summary(runId, sha256, records.get(), imported.get(), skipped.get(), rejected.get(),
                (System.nanoTime() - started) / 1e9);
    }

    private void send(List<SourceFormat.Record> chunk, Map<String, String> common, Semaphore underWay,
                      ExecutorService senders, AtomicLong imported, AtomicLong skipped, SourceFormat.Rejects report) {
        if (chunk.isEmpty()) {
            return;
        }
        // On the ledger already: the record (an earlier run imported it) or its refusal (an earlier run of this very
        // file was refused it by the rules: LedgerMetadata.importRefusalStream) — either way, nothing to send.
        String sha256 = String.valueOf(common.get(LedgerMetadata.SOURCE_SHA256));
        Map<String, String> refusalStreams = new HashMap<>();
        chunk.forEach(record -> refusalStreams.put(LedgerMetadata.importRefusalStream(sha256, record.aggregateId()),
                record.aggregateId()));
        List<String> streams = new ArrayList<>(chunk.stream().map(SourceFormat.Record::aggregateId).toList());
        streams.addAll(refusalStreams.keySet());
        Set<String> present = new HashSet<>();
        Set<String> refusedBefore = new HashSet<>();
        onLedger(streams).forEach(stream -> (refusalStreams.containsKey(stream) ? refusedBefore : present)
                .add(refusalStreams.getOrDefault(stream, stream)));
        // The chunk's new customers get their keys together: one transaction, not one commit each as they seal.
        keys.prepareForWriting(chunk.stream().filter(record -> !present.contains(record.aggregateId()))
                .map(SourceFormat.Record::customerId).toList());
        Set<String> inThisChunk = new HashSet<>();
        for (SourceFormat.Record record : List.copyOf(chunk)) {
            if (refusedBefore.contains(record.aggregateId()) && !present.contains(record.aggregateId())) {
                report.reject(record.line(), 0, "refused by the ledger when this file was imported before (its"
                        + " refusal is on the audit trail, stream " + LedgerMetadata.importRefusalStream(sha256,
                        record.aggregateId()) + "): not sent again");
                continue;
            }
            if (present.contains(record.aggregateId()) || !inThisChunk.add(record.aggregateId())) {
                skipped.incrementAndGet();
                continue;
            }
            Map<String, Object> metaData = new HashMap<>(common);
            metaData.put(LedgerMetadata.SOURCE_RECORD, record.recordId());
            metaData.put(LedgerMetadata.SOURCE_LINE, Long.toString(record.line()));
            underWay.acquireUninterruptibly();
            senders.execute(() -> {
                try {
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(record.command())
                            .andMetaData(metaData));
                    imported.incrementAndGet();
                } catch (RuntimeException refused) {
                    report.reject(record.line(), 0, "refused by the ledger: " + refused.getMessage());
                } finally {
                    underWay.release();
                }
            });
        }
    }

    /** Which of these streams have their first event on the ledger (by the store's own unique index). */
    private Set<String> onLedger(List<String> aggregateIds) {
        return new HashSet<>(jdbc.queryForList("SELECT aggregateidentifier FROM domainevententry WHERE"
                + " sequencenumber = 0 AND aggregateidentifier IN (" + Placeholders.of(aggregateIds.size()) + ")",
                String.class, aggregateIds.toArray()));
    }

    private static void readAll(SourceFormat format, Path file, SourceFormat.Settings settings,
                                java.util.function.Consumer<SourceFormat.Record> records, SourceFormat.Rejects rejects,
                                Progress progress) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             DelimitedFile rows = format.open(progress == null ? in : progress.counting(in))) {
            format.read(rows, settings, records, rejects);
        } catch (SourceColumns.Refused refused) {
            throw new FileRefused(file + " is refused, nothing was imported: " + refused.getMessage());
        }
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"").replace("\r", " ").replace("\n", " ") + "\"";
    }

    private static void awaitQuietly(ExecutorService senders) {
        try {
            senders.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The progress line: how much of the file is read, the counts, the rate; redrawn at most twice a second. */
    private static final class Progress {
        private final PrintStream out;
        private final String name;
        private final long size;
        private final long started;
        private final AtomicLong read = new AtomicLong();
        private long shownAt;

        Progress(PrintStream out, String name, long size, long started) {
            this.out = out;
            this.name = name;
            this.size = Math.max(size, 1);
            this.started = started;
        }

        InputStream counting(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        read.addAndGet(n);
                    }
                    return n;
                }
            };
        }

        void update(long imported, long skipped, long rejected) {
            long now = System.nanoTime();
            if (out != null && now - shownAt > 500_000_000L) {
                shownAt = now;
                show(imported, skipped, rejected, "");
            }
        }

        void done(long imported, long skipped, long rejected) {
            if (out != null) {
                show(imported, skipped, rejected, "\n");
            }
        }

        private void show(long imported, long skipped, long rejected, String end) {
            int percent = (int) (100 * Math.min(read.get(), size) / size);
            int filled = percent / 5;
            double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
            out.printf("\r%s [%s%s] %3d%% %,d imported, %,d skipped, %,d rejected, %,.0f/s%s", name,
                    "#".repeat(filled), " ".repeat(20 - filled), percent, imported, skipped, rejected,
                    (imported + skipped) / seconds, end);
            out.flush();
        }
    }
}
