package app.smsdesk.gateway.http;

import app.smsdesk.gateway.auth.Authenticator;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.ForbiddenException;
import app.smsdesk.gateway.domain.LogText;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.Scopes;
import app.smsdesk.gateway.domain.UnauthorizedException;
import app.smsdesk.gateway.service.EventLogService;
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
    private static final io.undertow.util.HttpString NOSNIFF = new io.undertow.util.HttpString(
            "X-Content-Type-Options");
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
    private final RequestGuard guard;
    private Limits limits = Limits.defaults();
    private ConnectionLimits.Caps connectionCaps = ConnectionLimits.Caps.defaults();
    private Listeners server;
    private java.util.concurrent.ExecutorService readPool;
    private java.util.concurrent.ExecutorService pagePool;
    private int port;
    private int httpsPort = -1;
    private int caPort = -1;

    public HttpGateway(List<Route> thirdPartyRoutes, List<Route> rootRoutes, Authenticator authenticator,
                       EventLogService events) {
        this(thirdPartyRoutes, List.of(), rootRoutes, authenticator, header -> Optional.empty(), events,
                HostNames.LOOPBACK_ONLY);
    }

    /**
     * @param hosts the names requests may give in their Host header
     */
    public HttpGateway(List<Route> thirdPartyRoutes, List<Route> mobileRoutes, List<Route> rootRoutes,
                       Authenticator authenticator, DeviceAuthenticator deviceAuthenticator, EventLogService events,
                       HostNames hosts) {
        this.thirdParty = new Router(thirdPartyRoutes);
        this.mobile = new Router(mobileRoutes);
        this.root = new Router(rootRoutes);
        this.authenticator = authenticator;
        this.deviceAuthenticator = deviceAuthenticator;
        this.events = events;
        this.guard = new RequestGuard(new AllowedHosts(hosts.machine(), hosts.configured()));
    }

    /**
     * Where the Host names a request may give come from.
     *
     * @param machine this computer's names and addresses (read again by {@link HttpGateway#refreshHostNames()})
     * @param configured names the admin added
     */
    public record HostNames(java.util.function.Supplier<app.smsdesk.gateway.tls.LanAddresses.Names> machine,
                            List<String> configured) {
        /** Only loopback names (tests of the HTTP layer alone). */
        public static final HostNames LOOPBACK_ONLY = new HostNames(() -> new app.smsdesk.gateway.tls.LanAddresses
                .Names(java.util.Set.of("localhost"), java.util.Set.of("127.0.0.1", "::1")), List.of());
    }

    /** Re-reads this computer's names and addresses (a laptop changes networks); the background job calls it. */
    public void refreshHostNames() {
        guard.refreshHosts();
    }

    /** Starts listening on plain HTTP only; {@code port} 0 picks a free port (see {@link #port()}). */
    public void start(String host, int port) {
        start(new Endpoints(host, port, host, -1, -1), null);
    }

    /**
     * Where the gateway listens: the API over plain HTTP, the same over HTTPS, and a plain-HTTP listener that
     * serves only the CA certificate (phones download it before they trust HTTPS). A port of 0 picks a free one,
     * -1 means no such listener.
     */
    public record Endpoints(String host, int port, String httpsHost, int httpsPort, int caPort) {
    }

    /** Starts the listeners; {@code tls} is needed when {@link Endpoints#httpsPort()} is not -1. */
    public void start(Endpoints where, SSLContext tls) {
        readPool = pool("http-read-", READ_THREADS);
        pagePool = pool("http-page-", PAGE_THREADS);
        HttpHandler api = Overload.guard(this, limits);
        server = new Listeners(WORKER_THREADS, serverOptions(), new ConnectionLimits(connectionCaps));
        this.port = server.addHttp(where.host(), where.port(), api);
        if (where.httpsPort() >= 0) {
            this.httpsPort = server.addHttps(where.httpsHost(), where.httpsPort(), tls, api);
        }
        if (where.caPort() >= 0) {
            this.caPort = server.addHttp(where.httpsHost(), where.caPort(), Overload.guard(this::caOnly, limits));
        }
    }

    private static org.xnio.OptionMap serverOptions() {
        return org.xnio.OptionMap.builder()
                .set(UndertowOptions.MAX_ENTITY_SIZE, (long) ApiExchange.MAX_BODY_BYTES * 4)
                .set(UndertowOptions.ALWAYS_SET_DATE, true)
                // Percent-decoding is ours (UrlDecoding): Undertow's answers a bad escape with an empty 400.
                .set(UndertowOptions.DECODE_URL, false)
                // Room for a 64 KiB token (refused with a 401), not for megabytes of headers per connection.
                .set(UndertowOptions.MAX_HEADER_SIZE, 128 * 1024)
                // Slow or silent clients: the headers within 10 s; a connection that sends nothing (a trickled TLS
                // handshake too) closed after 20 s; an idle one after 60 s (event streams send a keep-alive
                // every 15 s, so they are never idle that long).
                .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, 20_000)
                .set(UndertowOptions.IDLE_TIMEOUT, 60_000)
                .getMap();
    }

    /** The CA port answers the certificate downloads and health; anything else points to HTTPS. */
    private void caOnly(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this::caOnly);
            return;
        }
        exchange.startBlocking();
        try {
            String path = normalize(UrlDecoding.path(exchange.getRequestPath()));
            String method = exchange.getRequestMethod().toString();
            Router.Match match = root.match(method.equals("HEAD") ? "GET" : method, path);
            if (match.found() && (path.startsWith("/ca.") || path.startsWith("/health"))) {
                match.route().handler().handle(new ApiExchange(exchange, match.params(), null));
                return;
            }
            ErrorMapper.writeError(exchange, 403, "this port only serves the CA certificate (/ca.crt); phones use "
                    + "the API over HTTPS" + (httpsPort > 0 ? " on port " + httpsPort : "")
                    + " and programs on this computer at http://127.0.0.1:" + port);
        } catch (Throwable t) {
            ErrorMapper.write(exchange, t);
        }
    }

    /** The port of the CA download, or -1 when there is none. */
    public int caPort() {
        return caPort;
    }

    /** Open connections on all listeners (tests and diagnostics). */
    int openConnections() {
        return server == null ? 0 : server.limits().openCount();
    }

    /** Replaces the default connection caps (tests); call before {@link #start}. */
    void connectionCaps(ConnectionLimits.Caps caps) {
        this.connectionCaps = caps;
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
            server.close();
            server = null;
            readPool.shutdownNow();
            pagePool.shutdownNow();
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            // Every answer: never cached (tokens, keys, messages), never sniffed as another type.
            exchange.getResponseHeaders().put(io.undertow.util.Headers.CACHE_CONTROL, "no-store");
            exchange.getResponseHeaders().put(NOSNIFF, "nosniff");
            try {
                guard.check(exchange);
            } catch (RequestRefused refused) {
                ErrorMapper.write(exchange, refused);
                return;
            }
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
        if (method.equals("HEAD")) {
            method = "GET"; // RFC 9110 §9.3.2: the GET's answer without its body (Undertow sends no body for HEAD)
        }
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
            if (principal.tokenId() != null) {
                refused(exchange, principal.tokenId(), "scope:" + route.scope());
            }
            throw new ForbiddenException("scope required: " + route.scope());
        }
        authenticator.usedScope(principal, route.scope());
        try {
            route.handler().handle(new ApiExchange(exchange, match.params(), principal));
        } catch (ForbiddenException e) {
            if (e.tokenId() != null) {
                refused(exchange, e.tokenId(), e.reason()); // a guard of the token (budget, recipients)
            }
            throw e;
        }
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
                        LOG.debug("401 for {} {}: unknown device token", method,
                                LogText.safe(exchange.getRequestPath()));
                        return new UnauthorizedException("unknown device token");
                    });
        }
        route.handler().handle(new ApiExchange(exchange, match.params(), null, device));
    }

    private Principal authenticate(HttpServerExchange exchange) {
        String ip = ApiExchange.clientAddress(exchange);
        try {
            return authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"), ip);
        } catch (UnauthorizedException e) {
            if (e.tokenId() != null) {
                refused(exchange, e.tokenId(), e.reason());
            }
            events.warnAbout(ip, null, "auth", "authentication failed: " + e.getMessage(),
                    Map.of("ip", ip, "method", exchange.getRequestMethod().toString(),
                            "path", exchange.getRequestPath()));
            LOG.debug("401 for {} {}: {}", LogText.safe(exchange.getRequestMethod().toString()),
                    LogText.safe(exchange.getRequestPath()), LogText.safe(e.getMessage()));
            throw e;
        } catch (ForbiddenException e) {
            if (e.tokenId() != null) {
                refused(exchange, e.tokenId(), e.reason()); // the token's address or hours guard
            }
            throw e;
        }
    }

    /** Records why a genuine token was refused, so its owner can look it up in the console. */
    private void refused(HttpServerExchange exchange, String tokenId, String reason) {
        authenticator.refused(tokenId, reason, ApiExchange.clientAddress(exchange), exchange.getRequestMethod() + " "
                + LogText.safe(exchange.getRequestPath(), 200));
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
