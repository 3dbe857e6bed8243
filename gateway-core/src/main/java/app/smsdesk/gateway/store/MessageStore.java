package app.smsdesk.gateway.store;

import app.smsdesk.gateway.domain.ConflictException;
import app.smsdesk.gateway.domain.MessageQuery;
import app.smsdesk.gateway.domain.NotFoundException;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.Page;
import app.smsdesk.gateway.domain.ProcessingState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Outgoing messages; recipients and the state history are JSON columns of the message row. */
public final class MessageStore {
    /** Stands for NULL in the nullable INTEGER columns of {@link #SELECT} (saves a wasNull() call per column). */
    private static final long NONE = Long.MIN_VALUE;
    static final String SELECT = "SELECT m.id, m.ext_id, m.user_id, d.ext_id AS device_ext_id, m.type, m.content, "
            + "m.recipients, m.states, m.state, IFNULL(m.valid_until, " + NONE + "), IFNULL(m.schedule_at, " + NONE
            + "), IFNULL(m.sim_number, " + NONE + "), m.with_delivery_report, "
            + "m.priority, m.is_encrypted, m.created_at, m.updated_at FROM messages m "
            + "LEFT JOIN devices d ON d.id = m.device_id ";

    private final Database db;
    private final PagePositions positions = new PagePositions();
    private final java.util.concurrent.ConcurrentHashMap<String, CachedCount> counts =
            new java.util.concurrent.ConcurrentHashMap<>();

    public MessageStore(Database db) {
        this.db = db;
    }

    /** Stores a new message durably; a duplicate public id of the account is a 409. */
    public OutgoingMessage insert(OutgoingMessage m, Long deviceRowId) {
        return insert(m, deviceRowId, null);
    }

    /** The same, with the event log line that records it written in the same transaction ({@code log} may be null). */
    public OutgoingMessage insert(OutgoingMessage m, Long deviceRowId, EventLogStore.Entry log) {
        return insert(m, deviceRowId, log, null);
    }

    /**
     * The same, charging the sending token's daily budget in the same transaction ({@code charge} may be null):
     * a message over budget is refused and stores nothing, and a stored one is always counted, even across a crash.
     */
    public OutgoingMessage insert(OutgoingMessage m, Long deviceRowId, EventLogStore.Entry log,
                                  GuardStore.BudgetCharge charge) {
        // Encoded here, on the caller's thread: the single writer only binds and steps.
        Object[] row = row(m, deviceRowId);
        String logContext = log == null ? null : EventLogStore.contextJson(log);
        long rowId = db.write(c -> {
            try {
                if (charge != null) {
                    GuardStore.charge(c, charge);
                }
                long id = Sql.insert(c, INSERT, row);
                if (log != null) {
                    EventLogStore.insert(c, log, logContext);
                }
                return id;
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    throw new ConflictException("message with the same ID already exists");
                }
                throw e;
            }
        });
        return withRowId(m, rowId);
    }

    private static final String INSERT = "INSERT INTO messages (ext_id, user_id, device_id, type, content, "
            + "recipients, states, state, valid_until, schedule_at, sim_number, with_delivery_report, priority, "
            + "is_encrypted, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Inserts in the caller's transaction (the benchmark's bulk loader uses this too). */
    public static long insert(Connection c, OutgoingMessage m, Long deviceRowId) throws SQLException {
        return Sql.insert(c, INSERT, row(m, deviceRowId));
    }

    private static Object[] row(OutgoingMessage m, Long deviceRowId) {
        return new Object[] {m.id(), m.userId(), deviceRowId, m.content().isText() ? "Text" : "Data",
            MessageColumns.content(m.content()), MessageColumns.recipients(m.recipients()),
            MessageColumns.states(m.states()), m.state().name(), m.validUntil(), m.scheduleAt(), m.simNumber(),
            m.withDeliveryReport(), m.priority(), m.isEncrypted(), m.createdAt(), m.updatedAt()};
    }

    public Optional<OutgoingMessage> find(String userId, String extId) {
        return db.read(c -> Sql.one(c, SELECT + "WHERE m.user_id = ? AND m.ext_id = ?", MessageStore::map,
                userId, extId));
    }

    /** One page of the account's messages plus the total number of matches. */
    public Page<OutgoingMessage> list(String userId, MessageQuery q) {
        List<Object> params = new ArrayList<>();
        String where = where(userId, q, params);
        String dir = q.ascending() ? "ASC" : "DESC";
        String order = q.order() == MessageQuery.Order.CREATED ? " ORDER BY m.created_at " + dir + ", m.id " + dir
                : " ORDER BY m.state " + dir + ", m.created_at DESC, m.id DESC"; // (user_id, state, created_at)
        return db.read(c -> {
            long version = db.version();
            long total = total(c, where, params, version);
            // A deep page starts from the nearest known position instead of skipping every row before it.
            String seek = "";
            List<Object> pageParams = new ArrayList<>(params);
            long skip = q.offset();
            // Remembered positions are (created_at, id) keys: they serve the creation order only.
            boolean seekable = q.search() == null && q.order() == MessageQuery.Order.CREATED;
            java.util.Optional<PagePositions.Position> from = seekable ? positions.before(c,
                    "SELECT m.created_at, m.id FROM messages m WHERE " + where + order, params, version,
                    q.offset()) : java.util.Optional.empty();
            if (from.isPresent()) {
                // A row-value comparison, which SQLite turns into an index range (an OR of two terms it does not).
                seek = " AND (m.created_at, m.id) " + (q.ascending() ? ">=" : "<=") + " (?, ?)";
                pageParams.addAll(List.of(from.get().createdAt(), from.get().rowId()));
                skip -= from.get().offset();
            }
            pageParams.add(q.limit());
            pageParams.add(skip);
            // The page's keys come from the index alone, then only those rows are read and joined.
            List<OutgoingMessage> items = Sql.list(c, SELECT + "WHERE m.id IN (SELECT m.id FROM messages m WHERE "
                    + where + seek + order + " LIMIT ? OFFSET ?)" + order, MessageStore::map, pageParams.toArray());
            return new Page<>(items, total);
        });
    }

    private long total(java.sql.Connection c, String where, List<Object> params, long version)
            throws SQLException {
        String key = where + params;
        CachedCount cached = counts.get(key);
        if (cached != null && cached.version() == version) {
            return cached.total();
        }
        long total = Sql.count(c, "SELECT COUNT(*) FROM messages m WHERE " + where, params.toArray());
        if (counts.size() > 1000) {
            counts.clear();
        }
        counts.put(key, new CachedCount(version, total));
        return total;
    }

    /** Counting a million rows takes tens of milliseconds; the total is reused until the next data write. */
    private record CachedCount(long version, long total) {
    }

    private static String where(String userId, MessageQuery q, List<Object> params) {
        StringBuilder w = new StringBuilder("m.user_id = ?");
        params.add(userId);
        if (q.from() != null) {
            w.append(" AND m.created_at >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            w.append(" AND m.created_at < ?");
            params.add(q.to());
        }
        if (q.state() != null) {
            w.append(" AND m.state = ?");
            params.add(q.state().name());
        }
        if (q.deviceId() != null) {
            w.append(" AND m.device_id = (SELECT id FROM devices WHERE ext_id = ? AND user_id = ?)");
            params.add(q.deviceId());
            params.add(userId);
        }
        if (q.search() != null && !q.search().isBlank()) {
            w.append(" AND (m.content LIKE ? ESCAPE '\\' OR m.recipients LIKE ? ESCAPE '\\' OR m.ext_id = ?)");
            String like = Sql.containsPattern(q.search());
            params.add(like);
            params.add(like);
            params.add(q.search());
        }
        return w.toString();
    }

    /**
     * Hands the account's unassigned open messages (sent while no phone was registered) to {@code deviceRowId};
     * returns how many. Only the holder changes, never the state.
     */
    public int assignUnassigned(String userId, long deviceRowId, Instant now) {
        boolean any = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM messages WHERE user_id = ? AND device_id IS NULL "
                + "AND state IN ('Pending', 'Cancelling')", userId) > 0);
        if (!any) {
            return 0;
        }
        return db.write(c -> Sql.update(c, "UPDATE messages SET device_id = ?, updated_at = ? WHERE user_id = ? "
                + "AND device_id IS NULL AND state IN ('Pending', 'Cancelling')", deviceRowId, now, userId));
    }

    /**
     * The phone's open (Pending or Cancelling) messages in the order the reference server hands them out:
     * {@code scheduleAt} first (unscheduled before scheduled), then priority, then insertion order.
     */
    public List<OutgoingMessage> openForDevice(long deviceRowId, boolean fifo, int limit) {
        String dir = fifo ? "ASC" : "DESC";
        return db.read(c -> Sql.list(c, SELECT + "WHERE m.device_id = ? AND m.state IN ('Pending', 'Cancelling') "
                + "ORDER BY m.schedule_at ASC, m.priority DESC, m.id " + dir + " LIMIT ?", MessageStore::map,
                deviceRowId, limit));
    }

    /**
     * Reads each of the account's messages named in {@code extIds} that the phone may report on (assigned to it,
     * or still unassigned) and writes back what {@code change} returns, all in one transaction so concurrent
     * reports cannot lose each other's updates. Returns how many messages changed.
     */
    public int update(String userId, long deviceRowId, Collection<String> extIds,
                      Function<OutgoingMessage, Optional<OutgoingMessage>> change) {
        if (extIds.isEmpty()) {
            return 0;
        }
        return db.write(c -> {
            int changed = 0;
            for (String extId : extIds) {
                Optional<OutgoingMessage> current = Sql.one(c, SELECT + "WHERE m.user_id = ? AND m.ext_id = ? "
                        + "AND (m.device_id = ? OR m.device_id IS NULL)", MessageStore::map, userId, extId,
                        deviceRowId);
                if (current.isEmpty()) {
                    continue;
                }
                Optional<OutgoingMessage> next = change.apply(current.get());
                if (next.isPresent()) {
                    OutgoingMessage m = next.get();
                    Sql.update(c, "UPDATE messages SET recipients = ?, states = ?, state = ?, updated_at = ?, "
                                    + "device_id = COALESCE(device_id, ?) WHERE id = ?",
                            MessageColumns.recipients(m.recipients()), MessageColumns.states(m.states()),
                            m.state().name(), m.updatedAt(), deviceRowId, m.rowId());
                    changed++;
                }
            }
            return changed;
        });
    }

    /** Counts the account's messages created in [from, to) per state; null bounds are open. */
    public Map<ProcessingState, Long> countByState(String userId, Instant from, Instant to) {
        List<Object> params = new ArrayList<>();
        String where = where(userId, new MessageQuery(from, to, null, null, null, 1, 0, false), params);
        List<Map.Entry<String, Long>> rows = db.read(c -> Sql.list(c, "SELECT m.state, COUNT(*) AS n "
                + "FROM messages m WHERE " + where + " GROUP BY m.state",
                rs -> Map.entry(rs.getString("state"), rs.getLong("n")), params.toArray()));
        Map<ProcessingState, Long> out = new EnumMap<>(ProcessingState.class);
        rows.forEach(r -> ProcessingState.parse(r.getKey()).ifPresent(s -> out.put(s, r.getValue())));
        return out;
    }

    /** A count of messages in one state whose creation time falls in one time slice. */
    public record SliceCount(Instant sliceStart, ProcessingState state, long count) {
    }

    /**
     * Counts messages created in [from, to) per state and per {@code sliceMinutes}-long slice aligned to the
     * epoch. The caller sums slices into local days; 15-minute slices fit every time zone offset in use.
     */
    public List<SliceCount> countBySlice(String userId, Instant from, Instant to, int sliceMinutes) {
        long slice = sliceMinutes * 60_000L;
        return db.read(c -> Sql.list(c, "SELECT m.created_at / ? AS slice, m.state, COUNT(*) AS n FROM messages m "
                        + "WHERE m.user_id = ? AND m.created_at >= ? AND m.created_at < ? GROUP BY slice, m.state",
                rs -> new SliceCount(Instant.ofEpochMilli(rs.getLong("slice") * slice),
                        ProcessingState.valueOf(rs.getString("state")), rs.getLong("n")),
                slice, userId, from, to));
    }

    /** Counts the account's messages now in {@code state} whose last change was at or after {@code since}. */
    public long countChangedSince(String userId, ProcessingState state, Instant since) {
        return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM messages WHERE user_id = ? AND state = ? "
                + "AND updated_at >= ?", userId, state.name(), since));
    }

    /** Moves a Pending message to Cancelling; 404 when unknown, 409 when it is no longer pending. */
    public OutgoingMessage cancel(String userId, String extId, Instant now) {
        return db.write(c -> {
            OutgoingMessage m = Sql.one(c, SELECT + "WHERE m.user_id = ? AND m.ext_id = ?", MessageStore::map,
                    userId, extId).orElseThrow(() -> new NotFoundException(
                            "failed to cancel message: message not found"));
            if (m.state() != ProcessingState.Pending) {
                throw new ConflictException("failed to cancel message: message is not pending (state "
                        + m.state() + ")");
            }
            Sql.update(c, "UPDATE messages SET state = ?, updated_at = ? WHERE id = ?",
                    ProcessingState.Cancelling.name(), now, m.rowId());
            return new OutgoingMessage(m.rowId(), m.id(), m.userId(), m.deviceId(), m.content(), m.recipients(),
                    m.states(), ProcessingState.Cancelling, m.validUntil(), m.scheduleAt(), m.simNumber(),
                    m.withDeliveryReport(), m.priority(), m.isEncrypted(), m.createdAt(), now);
        });
    }

    /** Deletes finished messages created before {@code cutoff} (retention); returns how many. */
    public int deleteFinishedBefore(Instant cutoff) {
        return db.write(c -> Sql.update(c, "DELETE FROM messages WHERE created_at < ? "
                + "AND state NOT IN ('Pending', 'Cancelling')", cutoff));
    }

    private static OutgoingMessage withRowId(OutgoingMessage m, long rowId) {
        return new OutgoingMessage(rowId, m.id(), m.userId(), m.deviceId(), m.content(), m.recipients(), m.states(),
                m.state(), m.validUntil(), m.scheduleAt(), m.simNumber(), m.withDeliveryReport(), m.priority(),
                m.isEncrypted(), m.createdAt(), m.updatedAt());
    }

    /** Reads a row of {@link #SELECT}; by position, in the order of that column list. */
    static OutgoingMessage map(ResultSet rs) throws SQLException {
        long validUntil = rs.getLong(10);
        long scheduleAt = rs.getLong(11);
        long sim = rs.getLong(12);
        return new OutgoingMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                MessageColumns.content(rs.getBytes(6)), MessageColumns.recipients(rs.getBytes(7)),
                MessageColumns.states(rs.getBytes(8)), ProcessingState.valueOf(rs.getString(9)),
                validUntil == NONE ? null : Instant.ofEpochMilli(validUntil),
                scheduleAt == NONE ? null : Instant.ofEpochMilli(scheduleAt),
                sim == NONE ? null : (int) sim, rs.getInt(13) == 1, rs.getInt(14), rs.getInt(15) == 1,
                Instant.ofEpochMilli(rs.getLong(16)), Instant.ofEpochMilli(rs.getLong(17)));
    }
}
