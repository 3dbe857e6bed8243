package app.smsdesk.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.UnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single writer's queue is bounded: with the writer stalled, background writes are refused at half the
 * queue, writes a client waits for at the full queue (a 503), and everything queued commits once it moves again.
 */
class WriteQueueBoundTest {
    @Test
    void aStalledWriterRefusesRatherThanQueueingWithoutBound(@TempDir Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("q.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (v INTEGER)");
            }
            WriteQueue queue = new WriteQueue(c);
            CountDownLatch stall = new CountDownLatch(1);
            CountDownLatch stalled = new CountDownLatch(1);
            CompletableFuture<Boolean> blocker = queue.submit(conn -> {
                stalled.countDown();
                try {
                    return stall.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();

            List<CompletableFuture<Integer>> background = new ArrayList<>();
            for (int i = 0; i < WriteQueue.MAX_PENDING_BACKGROUND; i++) {
                background.add(queue.submitBackground(insert(i)));
            }
            assertThat(background).noneMatch(CompletableFuture::isDone);
            assertRefused(queue.submitBackground(insert(-1)));

            List<CompletableFuture<Integer>> waited = new ArrayList<>();
            for (int i = WriteQueue.MAX_PENDING_BACKGROUND; i < WriteQueue.MAX_PENDING; i++) {
                waited.add(queue.submit(insert(i)));
            }
            assertThat(waited).noneMatch(CompletableFuture::isDone);
            assertRefused(queue.submit(insert(-2)));
            assertThat(queue.rejected()).isEqualTo(2);

            stall.countDown();
            blocker.get(10, TimeUnit.SECONDS);
            for (CompletableFuture<Integer> f : background) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            }
            for (CompletableFuture<Integer> f : waited) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(queue.execute(insert(99_999))).as("accepts again").isEqualTo(1);
            queue.close();
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*), min(v) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(WriteQueue.MAX_PENDING + 1);
                assertThat(rs.getInt(2)).as("nothing refused was written").isZero();
            }
        }
    }

    private static SqlFunction<Integer> insert(int v) {
        return conn -> {
            try (Statement s = conn.createStatement()) {
                return s.executeUpdate("INSERT INTO t (v) VALUES (" + v + ")");
            }
        };
    }

    private static void assertRefused(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.get();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(UnavailableException.class).hasMessageContaining("overloaded");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
