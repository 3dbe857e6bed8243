package app.smsdesk.gateway.http;

import java.util.Objects;

/**
 * One endpoint: method, path template (segments like {@code {id}}), how it authenticates, the scope it needs.
 *
 * @param method HTTP method
 * @param path template relative to the API base, e.g. {@code /messages/{id}}
 * @param auth how the caller is identified
 * @param scope required scope for {@link Auth#API} routes, else null
 * @param handler the endpoint
 * @param threads where the request runs (see {@link Threads})
 */
public record Route(String method, String path, Auth auth, String scope, ApiHandler handler, Threads threads) {
    /** How a route identifies its caller. */
    public enum Auth {
        /** No credentials (health). */
        NONE,
        /** Basic or JWT, then the scope check; 401 before routing, 403 without the scope. */
        API,
        /** The handler authenticates itself (token refresh). */
        SELF,
        /** A phone's device token ({@code Bearer}); a missing or unknown token is exactly 401. */
        DEVICE
    }

    /** Where a request runs; only GETs with cheap credentials leave the worker pool (see HttpGateway). */
    public enum Threads {
        /** Writes, and anything not below: the large worker pool (waiting for the group commit is cheap there). */
        DEFAULT,
        /**
         * A read of one row by its key: answered on the I/O thread that received it, without the hand-over to a
         * read thread and back, which cost more than the read itself.
         */
        POINT_READ,
        /**
         * A read that returns a page of rows (tens of times a point read): a few threads of its own, so that a
         * burst of them cannot crowd out point reads and the phones' polls.
         */
        PAGE_READ
    }

    public Route {
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        Objects.requireNonNull(auth);
        Objects.requireNonNull(handler);
        Objects.requireNonNull(threads);
        if (auth == Auth.API && scope == null) {
            throw new IllegalArgumentException("API route without scope: " + method + " " + path);
        }
    }

    /** The same route, run on {@code threads}. */
    Route on(Threads threads) {
        return new Route(method, path, auth, scope, handler, threads);
    }

    static Route open(String method, String path, ApiHandler handler) {
        return new Route(method, path, Auth.NONE, null, handler, Threads.DEFAULT);
    }

    static Route api(String method, String path, String scope, ApiHandler handler) {
        return new Route(method, path, Auth.API, scope, handler, Threads.DEFAULT);
    }

    static Route device(String method, String path, ApiHandler handler) {
        return new Route(method, path, Auth.DEVICE, null, handler, Threads.DEFAULT);
    }

    static Route self(String method, String path, String describedScope, ApiHandler handler) {
        return new Route(method, path, Auth.SELF, describedScope, handler, Threads.DEFAULT);
    }
}
