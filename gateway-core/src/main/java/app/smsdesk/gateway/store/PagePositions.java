package app.smsdesk.gateway.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where every {@value #STRIDE}th row of an ordered listing sits, so that a deep {@code OFFSET} page starts from the
 * nearest known position (a keyset condition) and skips at most {@value #STRIDE} index entries instead of up to a
 * million. Positions are rebuilt after data writes ({@link Database#version()}); until then a listing that changes
 * is answered with a plain {@code OFFSET}, which is slower but exact.
 */
final class PagePositions {
    static final int STRIDE = 1000;
    private static final int MAX_LISTINGS = 64;

    /** The sort key of the row at position {@code index * STRIDE}. */
    record Position(long offset, long createdAt, long rowId) {
    }

    private record Key(String listing, long version) {
    }

    private final ConcurrentHashMap<Key, long[][]> cache = new ConcurrentHashMap<>();

    /**
     * The nearest known position at or before {@code offset} of the listing {@code orderedKeysSql} (which selects
     * {@code created_at, id} in page order), building the positions once per data version.
     */
    Optional<Position> before(Connection c, String orderedKeysSql, List<Object> params, long version, int offset)
            throws SQLException {
        if (offset < STRIDE) {
            return Optional.empty();
        }
        Key key = new Key(orderedKeysSql + params, version);
        long[][] positions = cache.get(key);
        if (positions == null) {
            if (cache.size() >= MAX_LISTINGS) {
                cache.clear();
            }
            cache.keySet().removeIf(k -> k.version() != version);
            try {
                // One build per listing: concurrent requests for it wait instead of scanning the index too.
                positions = cache.computeIfAbsent(key, k -> {
                    try {
                        return build(c, orderedKeysSql, params);
                    } catch (SQLException e) {
                        throw new StoreException("cannot index listing positions", e);
                    }
                });
            } catch (StoreException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw e;
            }
        }
        int index = Math.min(offset / STRIDE, positions[0].length - 1);
        if (index < 1) {
            return Optional.empty();
        }
        return Optional.of(new Position((long) index * STRIDE, positions[0][index], positions[1][index]));
    }

    private static long[][] build(Connection c, String sql, List<Object> params) throws SQLException {
        long[] createdAt = new long[16];
        long[] rowId = new long[16];
        int n = 0;
        long row = 0;
        try (ResultSet rs = Sql.prepare(c, sql, params.toArray()).executeQuery()) {
            while (rs.next()) {
                if (row++ % STRIDE == 0) {
                    if (n == createdAt.length) {
                        createdAt = java.util.Arrays.copyOf(createdAt, n * 2);
                        rowId = java.util.Arrays.copyOf(rowId, n * 2);
                    }
                    createdAt[n] = rs.getLong(1);
                    rowId[n] = rs.getLong(2);
                    n++;
                }
            }
        }
        return new long[][] {java.util.Arrays.copyOf(createdAt, n), java.util.Arrays.copyOf(rowId, n)};
    }
}
