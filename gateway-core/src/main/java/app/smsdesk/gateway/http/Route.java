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
 */
public record Route(String method, String path, Auth auth, String scope, ApiHandler handler) {
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

    public Route {
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        Objects.requireNonNull(auth);
        Objects.requireNonNull(handler);
        if (auth == Auth.API && scope == null) {
            throw new IllegalArgumentException("API route without scope: " + method + " " + path);
        }
    }

    /** Scopes of the reads that return a page of rows (messages, inbox, logs, token inventory). */
    private static final java.util.Set<String> PAGE_SCOPES = java.util.Set.of(
            app.smsdesk.gateway.domain.Scopes.MESSAGES_LIST, app.smsdesk.gateway.domain.Scopes.INBOX_LIST,
            app.smsdesk.gateway.domain.Scopes.LOGS_READ, app.smsdesk.gateway.domain.Scopes.TOKENS_MANAGE);

    /**
     * A read that returns a page of rows: it costs tens of times a point read and runs on its own few threads, so
     * that a burst of them cannot crowd out point reads and the phones' polls.
     */
    boolean isPageRead() {
        return method.equals("GET") && scope != null && PAGE_SCOPES.contains(scope);
    }

    /**
     * A read of one row by its key (a message by id): microseconds of work, answered on the I/O thread without the
     * hand-over to a read thread and back, which cost more than the read itself.
     */
    boolean isPointRead() {
        return method.equals("GET") && app.smsdesk.gateway.domain.Scopes.MESSAGES_READ.equals(scope);
    }

    static Route open(String method, String path, ApiHandler handler) {
        return new Route(method, path, Auth.NONE, null, handler);
    }

    static Route api(String method, String path, String scope, ApiHandler handler) {
        return new Route(method, path, Auth.API, scope, handler);
    }

    static Route device(String method, String path, ApiHandler handler) {
        return new Route(method, path, Auth.DEVICE, null, handler);
    }

    static Route self(String method, String path, String describedScope, ApiHandler handler) {
        return new Route(method, path, Auth.SELF, describedScope, handler);
    }
}
