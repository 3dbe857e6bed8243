package app.smsdesk.gateway.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Locale;

/**
 * Checks every request before it is routed, on the I/O thread (a few header lookups):
 *
 * <ul>
 *   <li>the method's name is exactly upper case (RFC 9110 §9.1: {@code get} is not {@code GET}), else 400;</li>
 *   <li>one {@code Authorization} header at most (it is a singleton field; a proxy and the gateway could each
 *       believe a different one);</li>
 *   <li>the {@code Host} names this gateway ({@link AllowedHosts}: DNS rebinding), else 421;</li>
 *   <li>a request that changes state is not cross-site: no foreign {@code Origin}, no
 *       {@code Sec-Fetch-Site: cross-site/same-site}, and a body (or a declared content type) must be JSON, else
 *       415. A browser can send a form post or a {@code text/plain} body to any site without a preflight, with
 *       the credentials it has cached; it cannot send {@code application/json} cross-site without a CORS
 *       preflight, which the gateway never grants. The official clients and the phone app send
 *       {@code application/json} with every body and no {@code Origin}.</li>
 * </ul>
 */
final class RequestGuard {
    private static final HttpString ORIGIN = new HttpString("Origin");
    private static final HttpString SEC_FETCH_SITE = new HttpString("Sec-Fetch-Site");
    private final AllowedHosts hosts;

    RequestGuard(AllowedHosts hosts) {
        this.hosts = hosts;
    }

    void refreshHosts() {
        hosts.refresh();
    }

    void check(HttpServerExchange exchange) {
        String method = exchange.getRequestMethod().toString();
        if (!method.equals(method.toUpperCase(Locale.ROOT))) {
            throw new RequestRefused(400, "method '" + shorten(method) + "' is unknown here; method names are "
                    + "case-sensitive (" + method.toUpperCase(Locale.ROOT) + ")");
        }
        HeaderMap headers = exchange.getRequestHeaders();
        HeaderValues authorization = headers.get(Headers.AUTHORIZATION);
        if (authorization != null && authorization.size() > 1) {
            throw new RequestRefused(400, "Authorization: send one header, not " + authorization.size());
        }
        if (!hosts.allows(hostName(headers.getFirst(Headers.HOST)))) {
            throw new RequestRefused(421, "Host: this gateway does not serve that name; use its address or one of "
                    + "its names");
        }
        if (!isSafe(method)) {
            checkSameSite(exchange, headers);
            checkJson(exchange, headers);
        }
    }

    private static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    private static void checkSameSite(HttpServerExchange exchange, HeaderMap headers) {
        String site = headers.getFirst(SEC_FETCH_SITE);
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
            throw new RequestRefused(403, "cross-site requests cannot change anything here (Sec-Fetch-Site: "
                    + shorten(site) + ")");
        }
        String origin = headers.getFirst(ORIGIN);
        if (origin != null && !sameOrigin(origin, exchange)) {
            throw new RequestRefused(403, "cross-site requests cannot change anything here (Origin: "
                    + shorten(origin) + ")");
        }
    }

    private static void checkJson(HttpServerExchange exchange, HeaderMap headers) {
        String type = headers.getFirst(Headers.CONTENT_TYPE);
        boolean hasBody = exchange.getRequestContentLength() > 0 || headers.contains(Headers.TRANSFER_ENCODING);
        if ((hasBody || type != null) && !isJson(type)) {
            throw new RequestRefused(415, "Content-Type: the body must be application/json"
                    + (type == null ? "" : ", not " + shorten(type)));
        }
    }

    /** {@code application/json} or {@code application/<something>+json}, with any parameters. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return t.equals("application/json") || (t.startsWith("application/") && t.endsWith("+json"));
    }

    private static boolean sameOrigin(String origin, HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null) {
            return false;
        }
        String scheme = exchange.getRequestScheme();
        String o = origin.strip().toLowerCase(Locale.ROOT);
        String h = host.strip().toLowerCase(Locale.ROOT);
        String defaultPort = scheme.equals("https") ? ":443" : ":80";
        return o.equals(scheme + "://" + h) || o.equals(scheme + "://" + h + defaultPort)
                || (o + defaultPort).equals(scheme + "://" + h);
    }

    /** The host part of a Host header ({@code [::1]:3000} → {@code [::1]}, {@code pc:3000} → {@code pc}). */
    static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return null;
        }
        String h = hostHeader.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** Echoes at most 60 characters of a client's value. */
    private static String shorten(String v) {
        return v.length() <= 60 ? v : v.substring(0, 60) + "\u2026";
    }
}
