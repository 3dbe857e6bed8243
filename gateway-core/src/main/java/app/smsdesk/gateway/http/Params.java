package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.ValidationException;
import java.time.Instant;

/** Typed query parameters; a bad value is a 400 naming the parameter. */
final class Params {
    private Params() {
    }

    static int integer(ApiExchange ex, String name, int fallback) {
        return ex.query(name).filter(v -> !v.isEmpty()).map(v -> parseInt(name, v)).orElse(fallback);
    }

    static Integer optionalInteger(ApiExchange ex, String name) {
        return ex.query(name).filter(v -> !v.isEmpty()).map(v -> parseInt(name, v)).orElse(null);
    }

    private static int parseInt(String name, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name + ": must be an integer");
        }
    }

    static boolean bool(ApiExchange ex, String name) {
        return ex.query(name).map(v -> parseBool(name, v)).orElse(false);
    }

    private static boolean parseBool(String name, String v) {
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "", "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new ValidationException(name + ": must be true or false");
        };
    }

    static Instant time(ApiExchange ex, String name) {
        return ex.query(name).filter(v -> !v.isEmpty()).map(v -> WireTime.parse(name, v)).orElse(null);
    }

    static String string(ApiExchange ex, String name) {
        return ex.query(name).filter(v -> !v.isEmpty()).orElse(null);
    }
}
