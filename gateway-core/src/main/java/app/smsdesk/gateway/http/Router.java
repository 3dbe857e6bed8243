package app.smsdesk.gateway.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matches a method and a path (relative to a mount prefix) against route templates. */
final class Router {
    /** A matched route with its path parameters, or why nothing matched. */
    record Match(Route route, Map<String, String> params, Set<String> allowedMethods) {
        boolean found() {
            return route != null;
        }
    }

    private record Compiled(Route route, String[] segments) {
    }

    private final List<Compiled> routes = new ArrayList<>();

    Router(List<Route> table) {
        for (Route r : table) {
            routes.add(new Compiled(r, split(r.path())));
        }
    }

    Match match(String method, String path) {
        String[] segments = split(path);
        Set<String> allowed = new LinkedHashSet<>();
        for (Compiled c : routes) {
            Map<String, String> params = matchSegments(c.segments(), segments);
            if (params == null) {
                continue;
            }
            if (c.route().method().equals(method)) {
                return new Match(c.route(), params, Set.of());
            }
            allowed.add(c.route().method());
        }
        return new Match(null, Map.of(), allowed);
    }

    private static Map<String, String> matchSegments(String[] template, String[] actual) {
        if (template.length != actual.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>(2);
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), actual[i]);
            } else if (!t.equals(actual[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }
}
