package app.smsdesk.gateway.http;

import io.undertow.util.AttachmentKey;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies all requests together may hold in memory. A flood of large bodies then gets 503s
 * instead of filling the heap, while small requests are never affected.
 */
final class BodyBudget {
    static final AttachmentKey<BodyBudget> KEY = AttachmentKey.create(BodyBudget.class);

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    BodyBudget(long capacity) {
        this.capacity = capacity;
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
