package com.interactionledger.ledger.stored;

import com.interactionledger.ledger.stored.StoredEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.common.utils.Utils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger's events as CloudEvents (v1.0), the form in which the relay puts them on Kafka and the query side reads
 * them back. A record carries the stored row exactly: payload and metadata are the stored bytes, so personal fields
 * stay sealed on the wire (the reader opens them with the customer's key, or finds them erased), and a reader
 * rebuilds the very event it would have read from the store.
 * <ul>
 *     <li>{@code id} — the event identifier (readers deduplicate on it)</li>
 *     <li>{@code type} — the contract name and its revision: {@code <payload type>.v<revision>}</li>
 *     <li>{@code source} — the ledger installation (configured)</li>
 *     <li>{@code time} — when the ledger recorded the event</li>
 *     <li>{@code subject} — the customer the event belongs to (absent for a refusal that named none)</li>
 *     <li>{@code datacontenttype} — {@code application/json}; the data is the stored payload</li>
 *     <li>extensions: {@value #POSITION} (global position, a string: positions outgrow CloudEvents' 32-bit
 *     integers), {@value #CHAIN_HASH} (the hash chain's value at that position), {@value #AGGREGATE_TYPE}
 *     (absent for an event of no session or complaint), {@value #AGGREGATE_ID}, {@value #SEQUENCE} (the event's
 *     stream and place in it) and {@value #METADATA}
 *     (the stored metadata, JSON)</li>
 * </ul>
 * These names are part of the stored contract: consumers outside the ledger read them, so they never change.
 */
public final class LedgerCloudEvents {

    public static final String POSITION = "ledgerposition";
    public static final String CHAIN_HASH = "ledgerchainhash";
    public static final String AGGREGATE_TYPE = "aggregatetype";
    public static final String AGGREGATE_ID = "aggregateid";
    public static final String SEQUENCE = "aggregatesequence";
    public static final String METADATA = "ledgermetadata";
    public static final String CONTENT_TYPE = "application/json";

    /** {@code <payload type>.v<revision>}: a class name's last segment starts upper case, so the split is exact. */
    /** The event store's timestamp format (always three fraction digits), so the stored row comes back exactly. */
    private static final DateTimeFormatter STORED_TIME = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private static final Pattern TYPE = Pattern.compile("^(.+)\\.v([^.]+)$");

    private LedgerCloudEvents() {
    }

    /** The record key: the customer, so one customer's events keep their order in one partition. */
    public static String key(StoredEvent event) {
        String customer = event.customerId();
        // A refusal that named no known customer has none: its own stream keeps it in order with itself.
        return customer != null ? customer : event.aggregateIdentifier();
    }

    /**
     * The partition of the ledger's topic the event belongs in, of {@code partitions}: its key's, placed as Kafka's
     * default partitioner places a keyed record (murmur2 of the key's UTF-8 bytes, modulo the partition count). The
     * relay puts every record there, and the feed refuses a record found in any other (a genuine record copied into
     * another partition), so both use this one definition. It holds while the partition count does: the topic's is
     * never changed (docs/OPERATIONS.md).
     */
    public static int partition(StoredEvent event, int partitions) {
        return Utils.toPositive(Utils.murmur2(key(event).getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    public static String type(String payloadType, String revision) {
        return revision == null ? payloadType : payloadType + ".v" + revision;
    }

    public static CloudEvent toCloudEvent(StoredEvent event, String chainHash, URI source) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.eventIdentifier())
                .withType(type(event.payloadType(), event.payloadRevision()))
                .withSource(source)
                .withTime(Instant.parse(event.timestamp()).atOffset(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withData(event.payload())
                .withExtension(POSITION, Long.toString(event.globalIndex()))
                .withExtension(AGGREGATE_ID, event.aggregateIdentifier())
                .withExtension(SEQUENCE, Long.toString(event.sequenceNumber()))
                .withExtension(METADATA, new String(event.metadata(), StandardCharsets.UTF_8));
        if (event.customerId() != null) {
            builder.withSubject(event.customerId());
        }
        if (chainHash != null) {
            builder.withExtension(CHAIN_HASH, chainHash);
        }
        if (event.type() != null) {
            // Events recorded outside a session or complaint (a read of personal data, say) have no aggregate type.
            builder.withExtension(AGGREGATE_TYPE, event.type());
        }
        return builder.build();
    }

    /**
     * The stored event a CloudEvent of the ledger carries.
     *
     * @throws IllegalArgumentException when it is not one (a required attribute is missing or malformed)
     */
    public static StoredEvent stored(CloudEvent event) {
        Matcher type = TYPE.matcher(event.getType());
        String payloadType = type.matches() ? type.group(1) : event.getType();
        String revision = type.matches() ? type.group(2) : null;
        CloudEventData data = event.getData();
        if (data == null || event.getTime() == null) {
            throw new IllegalArgumentException("CloudEvent " + event.getId() + " has no data or no time");
        }
        return new StoredEvent(position(event), required(event, AGGREGATE_ID),
                Long.parseLong(required(event, SEQUENCE)), optional(event, AGGREGATE_TYPE), event.getId(),
                required(event, METADATA).getBytes(StandardCharsets.UTF_8), data.toBytes(), revision, payloadType,
                STORED_TIME.format(event.getTime().toInstant()));
    }

    public static long position(CloudEvent event) {
        return Long.parseLong(required(event, POSITION));
    }

    /** The chain hash at the event's position; null for an event recorded before the ledger had a chain. */
    public static String chainHash(CloudEvent event) {
        return optional(event, CHAIN_HASH);
    }

    private static String optional(CloudEvent event, String extension) {
        Object value = event.getExtension(extension);
        return value == null ? null : value.toString();
    }

    private static String required(CloudEvent event, String extension) {
        Object value = event.getExtension(extension);
        if (value == null) {
            throw new IllegalArgumentException("CloudEvent " + event.getId() + " has no " + extension);
        }
        return value.toString();
    }
}
