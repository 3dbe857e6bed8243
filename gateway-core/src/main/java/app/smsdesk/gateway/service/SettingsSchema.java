package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The phone settings document: which sections and fields exist, their types and rules, and which are secret.
 * Unknown sections and fields are dropped; {@code null} is kept (it tells the phone to use its default).
 */
final class SettingsSchema {
    private enum Kind { POSITIVE_INT, BOOL, ENUM, HHMM, EMPTY_STRING }

    private record Field(Kind kind, List<String> values, boolean secret) {
        static Field of(Kind kind) {
            return new Field(kind, List.of(), false);
        }

        static Field oneOf(String... values) {
            return new Field(Kind.ENUM, List.of(values), false);
        }

        static Field hidden() {
            return new Field(Kind.EMPTY_STRING, List.of(), true);
        }
    }

    private static final Map<String, Map<String, Field>> SECTIONS = sections();

    private SettingsSchema() {
    }

    private static Map<String, Map<String, Field>> sections() {
        Map<String, Map<String, Field>> s = new LinkedHashMap<>();
        s.put("encryption", Map.of("passphrase", Field.hidden()));
        Map<String, Field> messages = new LinkedHashMap<>();
        messages.put("send_interval_min", Field.of(Kind.POSITIVE_INT));
        messages.put("send_interval_max", Field.of(Kind.POSITIVE_INT));
        messages.put("limit_period", Field.oneOf("Disabled", "PerMinute", "Per30Minutes", "PerHour", "PerDay"));
        messages.put("limit_value", Field.of(Kind.POSITIVE_INT));
        messages.put("sim_selection_mode", Field.oneOf("OSDefault", "RoundRobin", "Random"));
        messages.put("log_lifetime_days", Field.of(Kind.POSITIVE_INT));
        messages.put("work_hours_enabled", Field.of(Kind.BOOL));
        messages.put("work_hours_start", Field.of(Kind.HHMM));
        messages.put("work_hours_end", Field.of(Kind.HHMM));
        messages.put("processing_order", Field.oneOf("LIFO", "FIFO"));
        s.put("messages", messages);
        s.put("ping", Map.of("interval_seconds", Field.of(Kind.POSITIVE_INT)));
        s.put("logs", Map.of("lifetime_days", Field.of(Kind.POSITIVE_INT)));
        s.put("webhooks", Map.of("internet_required", Field.of(Kind.BOOL),
                "retry_count", Field.of(Kind.POSITIVE_INT), "signing_key", Field.hidden()));
        s.put("gateway", Map.of("notification_channel", Field.oneOf("AUTO", "SSE_ONLY"),
                "cloud_url", Field.hidden(), "private_token", Field.hidden()));
        s.put("receiver", Map.of("content_provider_enabled", Field.of(Kind.BOOL)));
        return s;
    }

    /** Validates a client's document and returns it with unknown sections and fields removed. */
    static ObjectNode validateAndFilter(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("the settings document must be a JSON object");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            Map<String, Field> fields = SECTIONS.get(section.getKey());
            if (fields == null || section.getValue().isNull()) {
                continue;
            }
            if (!section.getValue().isObject()) {
                throw invalid(section.getKey() + ": must be an object");
            }
            out.set(section.getKey(), filterSection(section.getKey(), section.getValue(), fields));
        }
        checkIntervals(out.path("messages"));
        return out;
    }

    private static ObjectNode filterSection(String name, JsonNode section, Map<String, Field> fields) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            Field rule = fields.get(f.getKey());
            if (rule == null) {
                continue;
            }
            check(name + "." + f.getKey(), f.getValue(), rule);
            if (!rule.secret()) {
                out.set(f.getKey(), f.getValue());
            }
        }
        return out;
    }

    private static void check(String path, JsonNode v, Field rule) {
        if (v.isNull()) {
            return;
        }
        switch (rule.kind()) {
            case POSITIVE_INT -> {
                if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 1) {
                    throw invalid(path + ": must be an integer of at least 1");
                }
            }
            case BOOL -> {
                if (!v.isBoolean()) {
                    throw invalid(path + ": must be true or false");
                }
            }
            case ENUM -> {
                if (!v.isTextual() || !rule.values().contains(v.textValue())) {
                    throw invalid(path + ": must be one of " + String.join(", ", rule.values()));
                }
            }
            case HHMM -> {
                if (!v.isTextual() || !v.textValue().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
                    throw invalid(path + ": must be a 24-hour time HH:mm");
                }
            }
            case EMPTY_STRING -> {
                if (!v.isTextual() || !v.textValue().isEmpty()) {
                    throw invalid(path + ": cannot be set through the API (must be empty or null)");
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void checkIntervals(JsonNode messages) {
        JsonNode min = messages.path("send_interval_min");
        JsonNode max = messages.path("send_interval_max");
        if (min.isInt() && max.isInt() && max.intValue() < min.intValue()) {
            throw invalid("messages.send_interval_max: must be at least send_interval_min");
        }
    }

    /** Deep merge for PATCH: sections in {@code patch} replace only the keys they name. */
    static ObjectNode merge(ObjectNode stored, ObjectNode patch) {
        ObjectNode out = stored.deepCopy();
        patch.fields().forEachRemaining(section -> {
            JsonNode existing = out.get(section.getKey());
            ObjectNode target = existing != null && existing.isObject() ? (ObjectNode) existing
                    : JsonNodeFactory.instance.objectNode();
            section.getValue().fields().forEachRemaining(f -> target.set(f.getKey(), f.getValue()));
            out.set(section.getKey(), target);
        });
        checkIntervals(out.path("messages"));
        return out;
    }

    /** The document as the third-party API shows it: secret fields removed. */
    static ObjectNode publicView(ObjectNode stored) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        stored.fields().forEachRemaining(section -> {
            Map<String, Field> fields = SECTIONS.get(section.getKey());
            if (fields == null || !section.getValue().isObject()) {
                return;
            }
            ObjectNode s = JsonNodeFactory.instance.objectNode();
            section.getValue().fields().forEachRemaining(f -> {
                Field rule = fields.get(f.getKey());
                if (rule != null && !rule.secret()) {
                    s.set(f.getKey(), f.getValue());
                }
            });
            out.set(section.getKey(), s);
        });
        return out;
    }

    private static ValidationException invalid(String detail) {
        return new ValidationException("Invalid settings format: " + detail);
    }
}
