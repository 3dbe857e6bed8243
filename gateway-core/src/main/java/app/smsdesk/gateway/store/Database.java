package app.smsdesk.gateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite file: WAL, foreign keys, a busy timeout, versioned migrations, one writer and a pool of readers.
 *
 * <p>All changes go through {@link #write}, which group-commits on the writer thread; reads run on pooled
 * read-only connections and never wait for the writer (WAL).
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int READERS = 8;

    private final String url;
    private final Connection writeConnection;
    private final WriteQueue writer;
    /** Moves after every data write completes (see {@link #version()}); bookkeeping writes leave it. */
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    /** Threads that must never wait for a pooled reader (event-loop threads): each gets a connection of its own. */
    private volatile java.util.function.Predicate<Thread> ownReader = t -> false;
    private final ThreadLocal<Connection> threadReader = new ThreadLocal<>();

    public Database(Path file) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            this.writeConnection = open(false);
            migrate(writeConnection);
            for (int i = 0; i < READERS; i++) {
                Connection reader = open(true);
                allReaders.add(reader);
                readers.add(reader);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open database " + file, e);
        }
        this.writer = new WriteQueue(writeConnection);
    }

    private Connection open(boolean readOnly) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        // Otherwise the driver runs a second query after every INSERT for keys nobody asks for (inserts that
        // need their key say RETURNING): it cost as much as the insert itself.
        config.setGetGeneratedKeys(false);
        Connection c = DriverManager.getConnection(url, config.toProperties());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA foreign_keys = ON");
            if (readOnly) {
                s.execute("PRAGMA query_only = 1");
            } else {
                s.execute("PRAGMA journal_mode = WAL");
                // FULL: a commit is on disk before the writer acknowledges it; group commit pays for it.
                s.execute("PRAGMA synchronous = FULL");
            }
        }
        return c;
    }

    private static void migrate(Connection c) throws SQLException {
        int current;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            current = rs.next() ? rs.getInt(1) : 0;
        }
        for (int version = current + 1; ; version++) {
            String script = migrationScript(version);
            if (script == null) {
                return;
            }
            applyMigration(c, version, script);
        }
    }

    private static void applyMigration(Connection c, int version, String script) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : script.split(";\\s*(\\r?\\n|$)")) {
                if (!sql.isBlank() && !isOnlyComments(sql)) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = " + version);
            c.commit();
            LOG.info("database migrated to version {}", version);
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static boolean isOnlyComments(String sql) {
        return sql.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"));
    }

    private static String migrationScript(int version) {
        String prefix = "/db/V" + version + "__";
        for (String name : MIGRATIONS) {
            if (name.startsWith(prefix)) {
                try (InputStream in = Database.class.getResourceAsStream(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException | NullPointerException e) {
                    throw new IllegalStateException("missing migration " + name, e);
                }
            }
        }
        return null;
    }

    /** Migration scripts in order; add a line here when adding a file under resources/db. */
    private static final List<String> MIGRATIONS = List.of("/db/V1__init.sql", "/db/V2__phones.sql",
            "/db/V3__event_log_index.sql", "/db/V4__phone_signing_keys.sql",
            "/db/V5__phone_approval.sql", "/db/V6__token_guards_and_audit.sql");

    /**
     * Runs {@code work} in the next group commit and returns once it is durable. Throws
     * {@link app.smsdesk.gateway.domain.UnavailableException} (503) when too many writes are already waiting.
     */
    public <T> T write(SqlFunction<T> work) {
        try {
            return writer.execute(work);
        } finally {
            version.incrementAndGet();
        }
    }

    /**
     * A write that never changes what derived caches are built from (usage counters, last-seen times, the event
     * log), so it does not move {@link #version()}: a busy API keeps its cached counts and page positions.
     */
    public <T> T writeBookkeeping(SqlFunction<T> work) {
        return writer.execute(work);
    }

    /** {@link #writeBookkeeping} without waiting for the commit (the event log); dropped under overload. */
    public <T> CompletableFuture<T> writeBookkeepingAsync(SqlFunction<T> work) {
        return writer.submitBackground(work);
    }

    /**
     * Queues {@code work} for the next group commit without waiting. Under overload it is dropped (the future
     * fails) rather than queued without bound.
     */
    public <T> CompletableFuture<T> writeAsync(SqlFunction<T> work) {
        return writer.submitBackground(work).whenComplete((r, e) -> version.incrementAndGet());
    }

    /**
     * A number that changes after every data write; caches of derived values (counts, page positions) compare it
     * to know whether anything may have changed. Read it before computing the value to cache.
     */
    public long version() {
        return version.get();
    }

    /**
     * Gives the threads {@code which} accepts a read-only connection each, opened on their first read, instead of
     * a pooled one they might have to wait for (threads that serve many connections must not block).
     */
    public void giveOwnReaderTo(java.util.function.Predicate<Thread> which) {
        this.ownReader = which;
    }

    /** Runs {@code work} on a pooled read-only connection (or the calling thread's own, see {@link #giveOwnReaderTo}). */
    public <T> T read(SqlFunction<T> work) {
        if (ownReader.test(Thread.currentThread())) {
            try {
                return work.apply(threadReader());
            } catch (SQLException e) {
                throw new StoreException("database read failed", e);
            }
        }
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a reader", e);
        }
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("database read failed", e);
        } finally {
            readers.add(c);
        }
    }

    private Connection threadReader() throws SQLException {
        Connection c = threadReader.get();
        if (c == null) {
            c = open(true);
            synchronized (allReaders) {
                allReaders.add(c);
            }
            threadReader.set(c);
        }
        return c;
    }

    /** True when a trivial query answers; used by the health check. */
    public boolean ping() {
        try {
            return read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        writer.close();
        synchronized (allReaders) {
            for (Connection c : allReaders) {
                closeQuietly(c);
            }
        }
        closeQuietly(writeConnection);
    }

    private static void closeQuietly(Connection c) {
        Sql.forget(c);
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing a connection failed", e);
        }
    }
}
