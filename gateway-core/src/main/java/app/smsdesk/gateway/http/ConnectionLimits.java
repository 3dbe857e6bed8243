package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.ClientAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;

/**
 * How many connections the gateway keeps open, counted when they are accepted (before a byte is parsed, so that
 * connections that never finish a request count too): at most so many per client address (an IPv6 client counts
 * by its /64, which it could otherwise rotate through) and so many in all, below the process's file limit. A
 * connection over a limit gets an immediate {@code 429} (per address) or {@code 503} (in all) with
 * {@code Connection: close} on plain HTTP, and is closed at once on HTTPS, where nothing can be said before a
 * handshake; it never waits in a queue, so a flood of idle connections cannot starve the others of descriptors.
 */
final class ConnectionLimits {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);

    /**
     * @param perAddress open connections one LAN client address may hold (a browser opens 6, a program's pool
     *                   a few dozen)
     * @param perLoopback the same for this computer's own programs: by default only the total bounds them (a
     *                    local program is trusted as far as the machine is, and load tests drive thousands)
     * @param total open connections in all
     */
    record Caps(int perAddress, int perLoopback, int total) {
        static Caps defaults() {
            int total = totalBelowFileLimit();
            return new Caps(32, total, total);
        }

        /** Three quarters of the descriptors left after the database, jars and threads (at least 128). */
        static int totalBelowFileLimit() {
            long max = 4096;
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
                max = unix.getMaxFileDescriptorCount();
            }
            return (int) Math.max(128, Math.min(10_000, (max - 200) * 3 / 4));
        }
    }

    private final Caps caps;
    private final Map<String, List<StreamConnection>> byAddress = new HashMap<>();
    private int open;
    private final AtomicLong refused = new AtomicLong();

    ConnectionLimits(Caps caps) {
        this.caps = caps;
    }

    /** Wraps the open listener of a listener; {@code plainHttp} says whether a refusal can be answered. */
    <C extends StreamConnection> ChannelListener<C> guard(ChannelListener<? super C> next, boolean plainHttp) {
        return connection -> {
            InetAddress peer = peerOf(connection);
            int status = admit(connection, peer);
            if (status == 0) {
                next.handleEvent(connection);
                return;
            }
            long n = refused.incrementAndGet();
            if (n == 1 || n % 1_000 == 0) {
                LOG.warn("{} connections refused so far ({} open; latest from {})", n, openCount(),
                        peer == null ? "?" : peer.getHostAddress());
            }
            if (plainHttp) {
                answerAndClose(connection, status);
            } else {
                IoUtils.safeClose(connection);
            }
        };
    }

    /** 0 to admit, else the status to refuse with. */
    private synchronized int admit(StreamConnection connection, InetAddress peer) {
        String key = key(peer);
        List<StreamConnection> mine = byAddress.computeIfAbsent(key, k -> new ArrayList<>());
        prune(mine);
        if (open >= caps.total()) {
            pruneAll();
        }
        if (open >= caps.total()) {
            return 503;
        }
        int cap = peer != null && peer.isLoopbackAddress() ? caps.perLoopback() : caps.perAddress();
        if (mine.size() >= cap) {
            return 429;
        }
        mine.add(connection);
        open++;
        return 0;
    }

    synchronized int openCount() {
        pruneAll();
        return open;
    }

    private void prune(List<StreamConnection> list) {
        for (Iterator<StreamConnection> it = list.iterator(); it.hasNext(); ) {
            if (!it.next().isOpen()) {
                it.remove();
                open--;
            }
        }
    }

    private void pruneAll() {
        for (Iterator<List<StreamConnection>> it = byAddress.values().iterator(); it.hasNext(); ) {
            List<StreamConnection> list = it.next();
            prune(list);
            if (list.isEmpty()) {
                it.remove();
            }
        }
    }

    private static InetAddress peerOf(StreamConnection c) {
        return c.getPeerAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
    }

    static String key(InetAddress a) {
        return ClientAddress.group(a);
    }

    /**
     * Answers before reading the request, then waits (up to 2 s) for the client to close: closing at once with
     * its request unread would make the kernel reset the connection, and the client would lose the answer.
     */
    private static void answerAndClose(StreamConnection c, int status) {
        String body = status == 429
                ? "{\"message\":\"too many connections from your address; close some and try again\",\"code\":429}"
                : "{\"message\":\"the gateway has too many connections open; try again shortly\",\"code\":503}";
        String head = "HTTP/1.1 " + (status == 429 ? "429 Too Many Requests" : "503 Service Unavailable")
                + "\r\nContent-Type: application/json\r\nRetry-After: 5\r\nConnection: close\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
        try {
            c.getSinkChannel().write(ByteBuffer.wrap((head + body).getBytes(StandardCharsets.UTF_8)));
            c.getSinkChannel().shutdownWrites();
            c.getSinkChannel().flush();
            ByteBuffer drain = ByteBuffer.allocate(1024);
            c.getSourceChannel().setReadListener(source -> {
                try {
                    int n;
                    do {
                        drain.clear();
                        n = source.read(drain);
                    } while (n > 0);
                    if (n < 0) {
                        IoUtils.safeClose(c);
                    }
                } catch (java.io.IOException e) {
                    IoUtils.safeClose(c);
                }
            });
            c.getSourceChannel().resumeReads();
            c.getIoThread().executeAfter(() -> IoUtils.safeClose(c), 2, TimeUnit.SECONDS);
        } catch (java.io.IOException | RuntimeException e) {
            IoUtils.safeClose(c);
        }
    }
}
