package app.smsdesk.gateway.http;

import io.undertow.util.AttachmentKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What request bodies may take: in bytes held in memory by all requests together (a flood of large bodies then
 * gets 503s instead of filling the heap, while small requests are never affected), and in time per body (a client
 * that stops sending loses its connection instead of holding a worker).
 */
final class BodyBudget {
    static final AttachmentKey<BodyBudget> KEY = AttachmentKey.create(BodyBudget.class);

    private final long capacity;
    private final Duration deadline;
    private final AtomicLong used = new AtomicLong();

    BodyBudget(long capacity, Duration deadline) {
        this.capacity = capacity;
        this.deadline = deadline;
    }

    /** How long a whole body may take to arrive. */
    Duration deadline() {
        return deadline;
    }

    /** Takes {@code bytes} from the budget; false (and nothing taken) when that would exceed it. */
    boolean tryReserve(long bytes) {
        while (true) {
            long current = used.get();
            if (current + bytes > capacity) {
                return false;
            }
            if (used.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }
}
