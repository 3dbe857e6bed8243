package app.smsdesk.gateway.mobile;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.IoUtils;
import org.xnio.XnioIoThread;
import org.xnio.channels.StreamSinkChannel;

/**
 * One open {@code GET /events} response, written without blocking from the connection's I/O thread: frames are
 * queued by any thread and written when the socket can take them, so an idle stream holds no worker thread.
 * Like the reference server's per-connection buffer, a stream that cannot keep up drops frames instead of growing.
 */
final class SseStream {
    static final int MAX_QUEUED = 64;

    private final HttpServerExchange exchange;
    private final XnioIoThread ioThread;
    private final Runnable onClose;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private StreamSinkChannel sink;

    SseStream(HttpServerExchange exchange, Runnable onClose) {
        this.exchange = exchange;
        this.ioThread = exchange.getIoThread();
        this.onClose = onClose;
    }

    /** Takes over the response; must run on the I/O thread while the exchange is in its handler. */
    void start() {
        sink = exchange.getResponseChannel();
        sink.getWriteSetter().set(channel -> writeQueued());
        sink.getCloseSetter().set(channel -> markClosed());
        exchange.addExchangeCompleteListener((ex, next) -> {
            markClosed();
            next.proceed();
        });
        // Resumed while in the handler: Undertow keeps the exchange open and calls the write listener, which
        // sends the response headers (and anything queued meanwhile).
        sink.resumeWrites();
    }

    /** Queues a frame; false when the stream is closed or too far behind (the frame is dropped). */
    boolean send(String frame) {
        if (closed.get()) {
            return false;
        }
        synchronized (queue) {
            if (queue.size() >= MAX_QUEUED) {
                return false;
            }
            queue.addLast(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
        }
        ioThread.execute(this::writeQueued);
        return true;
    }

    boolean isOpen() {
        return !closed.get();
    }

    /** Closes the connection (the phone reconnects, or gets 401 if it was removed). */
    void close() {
        ioThread.execute(() -> {
            IoUtils.safeClose(exchange.getConnection());
            markClosed();
        });
    }

    private void writeQueued() {
        if (sink == null || closed.get()) {
            return;
        }
        try {
            while (true) {
                ByteBuffer next;
                synchronized (queue) {
                    next = queue.peekFirst();
                }
                if (next == null) {
                    break;
                }
                sink.write(next);
                if (next.hasRemaining()) {
                    sink.resumeWrites();
                    return;
                }
                synchronized (queue) {
                    queue.pollFirst();
                }
            }
            if (sink.flush()) {
                sink.suspendWrites();
            } else {
                sink.resumeWrites();
            }
        } catch (IOException e) {
            IoUtils.safeClose(exchange.getConnection());
            markClosed();
        }
    }

    private void markClosed() {
        if (closed.compareAndSet(false, true)) {
            synchronized (queue) {
                queue.clear();
            }
            onClose.run();
        }
    }
}
