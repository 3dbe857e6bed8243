package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.ValidationException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.stream.Collectors;

/** The one JSON mapper: strict scalars, unknown fields ignored, absent nulls, three-digit timestamps. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // ALLOW_COERCION_OF_SCALARS does not cover strings: without this, [14155552671] became "14155552671".
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule().addSerializer(Instant.class, new InstantSerializer()))
            .build();

    private Json() {
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {
        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(WireTime.format(value));
        }
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode response", e);
        }
    }

    /** Parses a request body into {@code type}; a 400 names the offending field. */
    public static <T> T read(byte[] body, Class<T> type) {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ValidationException("request body: a JSON object is required");
            }
            return value;
        } catch (MismatchedInputException e) {
            throw new ValidationException(describe(e));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InputCoercionException c && !path(e).isEmpty()) {
                // A number too large for its field: the parser's error, wrapped with the field's path.
                throw new ValidationException(path(e) + ": " + plain(c.getOriginalMessage()));
            }
            throw new ValidationException(malformed(e));
        } catch (JsonProcessingException e) {
            throw new ValidationException(malformed(e));
        } catch (IOException e) {
            throw new ValidationException("unreadable request body");
        }
    }

    public static JsonNode readTree(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ValidationException("request body: JSON is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ValidationException(malformed(e));
        } catch (IOException e) {
            throw new ValidationException("unreadable request body");
        }
    }

    /** "malformed JSON: reason (line L, column C)", without the parser's class and feature names. */
    static String malformed(JsonProcessingException e) {
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return "malformed JSON: " + plain(e.getOriginalMessage()) + where;
    }

    /**
     * A Jackson message with its internals taken out: source excerpts, {@code `quoted.class.Names`} and the
     * features or constraints it cites (they tell a client nothing and an attacker which parser runs here).
     */
    static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        String m = message
                .replaceAll("\\s*\\(start marker at \\[[^\\]]*\\]\\)", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll(":? not allowed as per `[^`]*`", "")
                .replaceAll("\\s*\\((?:[^()]|\\([^()]*\\))*`(?:[^()]|\\([^()]*\\))*\\)", "")
                .replaceAll("`[^`]*`", "the value")
                .strip();
        return m.isEmpty() || m.contains("jackson") || m.contains("fasterxml") ? "unreadable" : m;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(MismatchedInputException e) {
        String path = path(e);
        String expected = e.getTargetType() == null ? "another type" : typeName(e.getTargetType());
        if (path.isEmpty()) {
            return "request body: expected " + expected;
        }
        if (e instanceof InvalidFormatException ife) {
            return path + ": invalid value " + ife.getValue() + ", expected " + expected;
        }
        return path + ": expected " + expected;
    }

    private static String typeName(Class<?> t) {
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "an integer";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
