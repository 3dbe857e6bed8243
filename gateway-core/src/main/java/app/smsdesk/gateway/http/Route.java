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
