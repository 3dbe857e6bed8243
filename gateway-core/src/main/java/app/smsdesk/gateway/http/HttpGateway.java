package app.smsdesk.gateway.http;

import app.smsdesk.gateway.auth.Authenticator;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.ForbiddenException;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.Scopes;
import app.smsdesk.gateway.domain.UnauthorizedException;
import app.smsdesk.gateway.service.EventLogService;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Undertow server and its root handler: dispatch off the I/O thread once, find the mount (third-party API
 * under {@code /3rdparty/v1} and {@code /api/3rdparty/v1}, the phone API under {@code /mobile/v1} and
 * {@code /api/mobile/v1}, health at the root), authenticate, route, check the scope, run the handler, and map any
 * failure to a JSON error.
 */
public final class HttpGateway implements HttpHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
    static final int WORKER_THREADS = 64;
    /**
     * Threads for reads (GET). Unlike writes, which wait for the group commit, reads keep a core busy the whole
     * time: more threads than the database has readers only time-slice the CPU and stretch the slowest answers.
     */
    static final int READ_THREADS = 16;
    /** Threads for page reads (lists); fewer, so that a burst of them queues instead of time-slicing the CPU. */
    static final int PAGE_THREADS = 4;
    private static final java.util.regex.Pattern REPEATED_SLASHES = java.util.regex.Pattern.compile("/{2,}");

    /**
     * How much the server takes on at once: requests handled concurrently, requests waiting for a turn (beyond
     * that: an immediate 503), the bytes of request bodies held in memory (beyond that: 503), and how long a body
     * may take to arrive (beyond that the connection is closed, freeing the worker that waits for it).
     */
    record Limits(int concurrentRequests, int queuedRequests, long bodyBytes, Duration bodyDeadline) {
        /** Sized so that normal load (the benchmarks run 64 connections) never waits in the queue for long. */
        static Limits defaults() {
            long heapEighth = Runtime.getRuntime().maxMemory() / 8;
            return new Limits(WORKER_THREADS, 1_000,
                    Math.max(4L * ApiExchange.MAX_BODY_BYTES, Math.min(64L << 20, heapEighth)),
                    Duration.ofSeconds(30));
        }
    }

    public static final List<String> THIRD_PARTY_PREFIXES = List.of("/api/3rdparty/v1", "/3rdparty/v1");
    /** The phone API; the app appends its paths to whatever base URL the user typed. */
    public static final List<String> MOBILE_PREFIXES = List.of("/api/mobile/v1", "/mobile/v1");

    /** Finds the phone holding the device token of an {@code Authorization} header. */
    @FunctionalInterface
    public interface DeviceAuthenticator {
        Optional<Device> authenticate(String authorization);
    }

    private final Router thirdParty;
    private final Router mobile;
    private final Router root;
    private final Authenticator authenticator;
    private final DeviceAuthenticator deviceAuthenticator;
    private final EventLogService events;
    private Limits limits = Limits.defaults();
    private Undertow server;
    private java.util.concurrent.ExecutorService readPool;
    private java.util.concurrent.ExecutorService pagePool;
    private int port;
    private int httpsPort = -1;

    public HttpGateway(List<Route> thirdPartyRoutes, List<Route> rootRoutes, Authenticator authenticator,
                       EventLogService events) {
        this(thirdPartyRoutes, List.of(), rootRoutes, authenticator, header -> Optional.empty(), events);
    }

    public HttpGateway(List<Route> thirdPartyRoutes, List<Route> mobileRoutes, List<Route> rootRoutes,
                       Authenticator authenticator, DeviceAuthenticator deviceAuthenticator, EventLogService events) {
        this.thirdParty = new Router(thirdPartyRoutes);
        this.mobile = new Router(mobileRoutes);
        this.root = new Router(rootRoutes);
        this.authenticator = authenticator;
        this.deviceAuthenticator = deviceAuthenticator;
        this.events = events;
    }

    /** Starts listening; {@code port} 0 picks a free port (see {@link #port()}). */
    public void start(String host, int port) {
        start(host, port, -1, null);
    }

    /**
     * Starts listening on plain HTTP and, when {@code tls} is given, on HTTPS too (same handler); a port of 0
     * picks a free one (see {@link #port()} and {@link #httpsPort()}).
     */
    public void start(String host, int port, int httpsPort, SSLContext tls) {
        Undertow.Builder builder = Undertow.builder()
                .addHttpListener(port, host)
                // Workers mostly wait for the group commit, not the CPU: enough of them keeps batches large.
                .setWorkerThreads(WORKER_THREADS)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) ApiExchange.MAX_BODY_BYTES * 4)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, true)
                // Percent-decoding is ours (UrlDecoding): Undertow's answers a bad escape with an empty 400.
                .setServerOption(UndertowOptions.DECODE_URL, false)
                // Room for a 64 KiB token (refused with a 401), not for megabytes of headers per connection.
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 128 * 1024)
                // Slow or silent clients: headers within 30 s, idle connections closed (event streams send a
                // keep-alive every 15 s, so they are never idle that long).
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 30_000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 120_000)
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, 60_000)
                .setHandler(Overload.guard(this, limits));
        if (tls != null) {
            builder.addHttpsListener(httpsPort, host, tls);
        }
        server = builder.build();
        readPool = pool("http-read-", READ_THREADS);
        pagePool = pool("http-page-", PAGE_THREADS);
        server.start();
        this.port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        if (tls != null) {
            this.httpsPort = ((InetSocketAddress) server.getListenerInfo().get(1).getAddress()).getPort();
        }
    }

    /** Replaces the default limits (tests); call before {@link #start}. */
    void limits(Limits l) {
        this.limits = l;
    }

    public int port() {
        return port;
    }

    /** The HTTPS port, or -1 when HTTPS is off. */
    public int httpsPort() {
        return httpsPort;
    }

    private static java.util.concurrent.ExecutorService pool(String name, int threads) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
            server = null;
            readPool.shutdownNow();
            pagePool.shutdownNow();
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            runWhereTheRouteSays(exchange);
            return;
        }
        exchange.startBlocking();
        try {
            dispatch(exchange);
        } catch (Throwable t) {
            ErrorMapper.write(exchange, t);
        }
    }

    /**
     * On the I/O thread: a GET whose credentials are cheap to check (no bcrypt, which takes 70 ms and has its own
     * bounds on the worker pool) runs where its route says ({@link Route.Threads}); everything else goes to the
     * workers. The route found here is kept on the exchange, so it is not looked up twice.
     */
    private void runWhereTheRouteSays(HttpServerExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst(io.undertow.util.Headers.AUTHORIZATION);
        if (!exchange.getRequestMethod().equalToString("GET")
                || (authenticator != null && !authenticator.isCheap(authorization))) {
            exchange.dispatch(this);
            return;
        }
        Router.Match match = thirdPartyGet(exchange);
        Route.Threads threads = match == null || match.route() == null ? Route.Threads.DEFAULT
                : match.route().threads();
        if (match != null) {
            exchange.putAttachment(THIRD_PARTY_GET, match);
        }
        switch (threads) {
            case POINT_READ -> answerOnIoThread(exchange);
            case PAGE_READ -> exchange.dispatch(pagePool, this);
            default -> exchange.dispatch(readPool, this);
        }
    }

    private static final io.undertow.util.AttachmentKey<Router.Match> THIRD_PARTY_GET =
            io.undertow.util.AttachmentKey.create(Router.Match.class);

    /** The routing of a third-party GET; null for other paths and for a malformed one (a worker answers it). */
    private Router.Match thirdPartyGet(HttpServerExchange exchange) {
        try {
            String path = normalize(UrlDecoding.path(exchange.getRequestPath()));
            for (String prefix : THIRD_PARTY_PREFIXES) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return thirdParty.match("GET", path.substring(prefix.length()));
                }
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Runs a point read where it arrived, in non-blocking mode: the credentials are cheap to check, the database
     * gives this thread a reader of its own (see {@code Database.giveOwnReaderTo}), and the answer goes out
     * through the non-blocking sender.
     */
    private void answerOnIoThread(HttpServerExchange exchange) {
        try {
            dispatch(exchange);
        } catch (Throwable t) {
            ErrorMapper.write(exchange, t);
        }
    }

    private void dispatch(HttpServerExchange exchange) throws Exception {
        String path = normalize(UrlDecoding.path(exchange.getRequestPath()));
        UrlDecoding.decodeQuery(exchange);
        String method = exchange.getRequestMethod().toString();
        for (String prefix : THIRD_PARTY_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                dispatchThirdParty(exchange, method, path.substring(prefix.length()));
                return;
            }
        }
        for (String prefix : MOBILE_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                dispatchMobile(exchange, method, path.substring(prefix.length()));
                return;
            }
        }
        Router.Match match = root.match(method, path);
        if (!match.found()) {
            answerMiss(exchange, match);
            return;
        }
        match.route().handler().handle(new ApiExchange(exchange, match.params(), null));
    }

    private void dispatchThirdParty(HttpServerExchange exchange, String method, String path) throws Exception {
        Router.Match routed = exchange.removeAttachment(THIRD_PARTY_GET); // found on the I/O thread
        Router.Match match = routed != null ? routed : thirdParty.match(method, path);
        Route route = match.route();
        if (route != null && route.auth() != Route.Auth.API) {
            route.handler().handle(new ApiExchange(exchange, match.params(), null));
            return;
        }
        // Credentials are checked before routing: without them even an unknown path answers 401.
        Principal principal = authenticate(exchange);
        if (route == null) {
            answerMiss(exchange, match);
            return;
        }
        if (!Scopes.satisfies(principal.scopes(), route.scope(), false)) {
            throw new ForbiddenException("scope required: " + route.scope());
        }
        route.handler().handle(new ApiExchange(exchange, match.params(), principal));
    }

    private void dispatchMobile(HttpServerExchange exchange, String method, String path) throws Exception {
        Router.Match match = mobile.match(method, path);
        if (!match.found()) {
            answerMiss(exchange, match);
            return;
        }
        Route route = match.route();
        Device device = null;
        if (route.auth() == Route.Auth.DEVICE) {
            // Exactly 401 for a missing or unknown token: it is the only answer that makes a phone re-register.
            device = deviceAuthenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"))
                    .orElseThrow(() -> {
                        LOG.debug("401 for {} {}: unknown device token", method, exchange.getRequestPath());
                        return new UnauthorizedException("unknown device token");
                    });
        }
        route.handler().handle(new ApiExchange(exchange, match.params(), null, device));
    }

    private Principal authenticate(HttpServerExchange exchange) {
        String ip = exchange.getSourceAddress() == null ? ""
                : exchange.getSourceAddress().getAddress().getHostAddress();
        try {
            return authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"), ip);
        } catch (UnauthorizedException e) {
            events.warnAbout(ip, null, "auth", "authentication failed: " + e.getMessage(),
                    Map.of("ip", ip, "method", exchange.getRequestMethod().toString(),
                            "path", exchange.getRequestPath()));
            LOG.debug("401 for {} {}: {}", exchange.getRequestMethod(), exchange.getRequestPath(), e.getMessage());
            throw e;
        }
    }

    private static void answerMiss(HttpServerExchange exchange, Router.Match match) {
        if (match.allowedMethods().isEmpty()) {
            ErrorMapper.writeError(exchange, 404, "Not Found");
            return;
        }
        exchange.getResponseHeaders().put(io.undertow.util.Headers.ALLOW, String.join(", ", match.allowedMethods()));
        ErrorMapper.writeError(exchange, 405, "method " + exchange.getRequestMethod() + " not allowed; use "
                + String.join(", ", match.allowedMethods()));
    }

    /** Collapses repeated slashes and drops a trailing slash (phones send {@code //mobile/v1}). */
    static String normalize(String path) {
        String p = path.contains("//") ? REPEATED_SLASHES.matcher(path).replaceAll("/") : path;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
