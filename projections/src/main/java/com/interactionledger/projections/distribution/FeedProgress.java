package com.interactionledger.projections.distribution;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * How far the read models of a distributed query side are, as a global position they have certainly applied
 * everything up to: the freshness stamps on query answers (docs/OPERATIONS.md, "The query side in distributed mode").
 * <p>
 * The relay says up to which position the broker has everything ({@code kafka_relay}) and, per partition, the last
 * offset it had acknowledged then ({@code kafka_relay_partition}); the feed says, per partition, the next offset it
 * will read and the last position it applied ({@code read_model_feed}). A partition whose feed has read past the
 * relay's last offset holds nothing unapplied up to the relay's position; one that has not may hold unapplied
 * events, all after its last applied position. So the read models have applied everything up to the relay's
 * position or, where a partition lags, up to that partition's last applied position, whichever is lower. Never more
 * than is true; the lag it shows includes the relay's own lag behind the store.
 */
public class FeedProgress {

    private final FeedProperties properties;
    private final JdbcTemplate jdbc;

    public FeedProgress(FeedProperties properties, JdbcTemplate jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    public long appliedPosition() {
        String topic = properties.topic();
        Long relayed = jdbc.query("SELECT position FROM kafka_relay WHERE topic = ?",
                rs -> rs.next() ? rs.getLong(1) : null, topic);
        long position = relayed == null ? 0 : relayed;
        Map<Integer, long[]> fed = new HashMap<>();
        jdbc.query("SELECT kafka_partition, next_offset, last_position FROM read_model_feed WHERE consumer_group = ?"
                + " AND topic = ?", rs -> {
            fed.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, properties.consumer().group(), topic);
        for (Map<String, Object> partition : jdbc.queryForList("SELECT kafka_partition, last_offset FROM"
                + " kafka_relay_partition WHERE topic = ?", topic)) {
            long[] feed = fed.get(((Number) partition.get("kafka_partition")).intValue());
            long lastOffset = ((Number) partition.get("last_offset")).longValue();
            if (feed == null || feed[0] <= lastOffset) {
                position = Math.min(position, feed == null ? 0 : feed[1]);
            }
        }
        return position;
    }
}
