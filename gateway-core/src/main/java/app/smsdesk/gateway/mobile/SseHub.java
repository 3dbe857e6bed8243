package app.smsdesk.gateway.mobile;

import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.DeviceEvent;
import app.smsdesk.gateway.domain.UnavailableException;
import app.smsdesk.gateway.service.DeviceEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time events for phones without Firebase: the {@code GET /events} server-sent-event streams, exactly as
 * the app's OkHttp client reads them (mobile-sync §2.5): {@code text/event-stream}, an {@code event:} and a
 * mandatory {@code data:} line per event, a {@code :keepalive} comment every 15 s, up to
 * {@link #MAX_STREAMS_PER_PHONE} streams per phone (a new one closes the oldest) and {@link #MAX_STREAMS} in all
 * (then 503). Every event goes to every open stream of the phone, whether or not it registered a push token.
 */
public final class SseHub implements DeviceEvents.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SseHub.class);
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /**
     * Streams one phone may hold; a new one beyond that closes its oldest. A phone needs one; a few more cover
     * a network change, after which the old stream is dead but not yet noticed (the next keep-alive finds out).
     */
    static final int MAX_STREAMS_PER_PHONE = 4;
    /** Streams in all: each holds a connection (a file descriptor), so there must be a bound. */
    static final int MAX_STREAMS = 1_000;
    static final String KEEP_ALIVE_FRAME = ":keepalive\n\n";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, List<SseStream>> streams = new ConcurrentHashMap<>();
    private final Set<String> greeted = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService keepAlive;

    SseHub(Duration keepAliveEvery) {
        keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sse-keepalive");
            t.setDaemon(true);
            return t;
        });
        long millis = keepAliveEvery.toMillis();
        keepAlive.scheduleAtFixedRate(this::sendKeepAlives, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Turns the exchange into an event stream for {@code device}. Call from the request's handler; the stream
     * then lives on the connection's I/O thread. The phone's first stream since it registered (or since the
     * gateway started) is told to reload its webhooks and settings, which it fetched before it was registered.
     */
    public void open(HttpServerExchange exchange, Device device) {
        if (totalStreams() >= MAX_STREAMS) {
            throw new UnavailableException("too many event streams are open; try again shortly");
        }
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/event-stream");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
        exchange.getResponseHeaders().put(Headers.CONNECTION, "keep-alive");
        exchange.getResponseHeaders().put(new HttpString("X-Accel-Buffering"), "no");
        SseStream[] self = new SseStream[1];
        SseStream stream = new SseStream(exchange, () -> remove(device.id(), self[0]));
        self[0] = stream;
        exchange.dispatch(exchange.getIoThread(), ex -> {
            stream.start();
            streams.compute(device.id(), (k, list) -> {
                List<SseStream> l = list == null ? new CopyOnWriteArrayList<>() : list;
                l.removeIf(old -> !old.isOpen());
                while (l.size() >= MAX_STREAMS_PER_PHONE) {
                    SseStream oldest = l.remove(0);
                    oldest.close();
                    LOG.debug("closed the oldest of {}'s event streams for a new one", device.id());
                }
                l.add(stream);
                return l;
            });
            if (greeted.add(device.id())) {
                stream.send(frame(DeviceEvent.of(DeviceEvent.WEBHOOKS_UPDATED)));
                stream.send(frame(DeviceEvent.of(DeviceEvent.SETTINGS_UPDATED)));
            }
            LOG.debug("event stream opened for device {}", device.id());
        });
    }

    @Override
    public void onEvent(Device device, DeviceEvent event) {
        List<SseStream> list = streams.get(device.id());
        if (list == null || list.isEmpty()) {
            return;
        }
        if (DeviceEvent.MESSAGE_CANCELLED.equals(event.type())
                && !AppVersion.parse(device.appVersion()).knowsCancel()) {
            return;
        }
        String frame = frame(event);
        for (SseStream s : list) {
            if (!s.send(frame)) {
                LOG.warn("event {} dropped for device {}: stream closed or not keeping up", event.type(), device.id());
            }
        }
    }

    @Override
    public void onDeviceRemoved(String deviceId) {
        List<SseStream> list = streams.remove(deviceId);
        if (list != null) {
            list.forEach(SseStream::close);
        }
        greeted.remove(deviceId);
    }

    /** How many streams the phone has open now. */
    public int openStreams(String deviceId) {
        List<SseStream> list = streams.get(deviceId);
        return list == null ? 0 : (int) list.stream().filter(SseStream::isOpen).count();
    }

    /** Streams open now, of all phones. */
    int totalStreams() {
        int n = 0;
        for (List<SseStream> list : streams.values()) {
            n += list.size();
        }
        return n;
    }

    /** Ids of the phones with at least one open stream. */
    public Set<String> connectedDevices() {
        Set<String> out = new java.util.TreeSet<>();
        streams.forEach((id, list) -> {
            if (list.stream().anyMatch(SseStream::isOpen)) {
                out.add(id);
            }
        });
        return out;
    }

    static String frame(DeviceEvent event) {
        String data;
        try {
            data = event.data() == null ? "null" : MAPPER.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return "event: " + event.type() + "\ndata: " + data + "\n\n";
    }

    /** Writes a keep-alive comment to every open stream (every 15 s; tests call it directly). */
    void sendKeepAlives() {
        try {
            streams.values().forEach(list -> list.forEach(s -> s.send(KEEP_ALIVE_FRAME)));
        } catch (RuntimeException e) {
            LOG.warn("sending keep-alives failed", e);
        }
    }

    private void remove(String deviceId, SseStream stream) {
        streams.computeIfPresent(deviceId, (k, list) -> {
            list.remove(stream);
            return list.isEmpty() ? null : list;
        });
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        streams.values().forEach(list -> list.forEach(SseStream::close));
        streams.clear();
    }
}
