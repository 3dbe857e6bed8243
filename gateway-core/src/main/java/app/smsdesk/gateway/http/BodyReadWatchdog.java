package app.smsdesk.gateway.http;

import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;

/**
 * Closes the connection of a request whose body does not arrive in time, which ends the blocked read of the
 * worker waiting for it. One sweeping thread for the process: a timer per request on the connection's I/O thread
 * (added and removed by the worker) cost the I/O threads more than the rest of a small request's bookkeeping.
 */
final class BodyReadWatchdog {
    static final long SWEEP_MILLIS = 100;
    private static final ConcurrentHashMap<HttpServerExchange, Long> DEADLINES = new ConcurrentHashMap<>();

    static {
        // Started when the first body is read (this class loads then).
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "http-body-watchdog");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(BodyReadWatchdog::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private BodyReadWatchdog() {
    }

    /** Watches {@code exchange} until {@link #done}; past {@code allowed} its connection is closed. */
    static void watch(HttpServerExchange exchange, Duration allowed) {
        DEADLINES.put(exchange, System.nanoTime() + allowed.toNanos());
    }

    static void done(HttpServerExchange exchange) {
        DEADLINES.remove(exchange);
    }

    private static void sweep() {
        long now = System.nanoTime();
        DEADLINES.forEach((exchange, deadline) -> {
            if (now - deadline > 0 && DEADLINES.remove(exchange, deadline)) {
                IoUtils.safeClose(exchange.getConnection());
            }
        });
    }
}
