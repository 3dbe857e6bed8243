package app.smsdesk.gateway.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** JSON text columns (log context, message recipients and state history). */
public final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<Type, ObjectReader> READERS = new ConcurrentHashMap<>();

    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode column value", e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            // Resolving a generic type costs more than parsing a short column: readers are made once per type.
            ObjectReader reader = READERS.computeIfAbsent(type.getType(),
                    t -> MAPPER.readerFor(MAPPER.constructType(t)));
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column", e);
        }
    }

    public static Map<String, String> readStringMap(String json) {
        return json == null ? Map.of() : read(json, new TypeReference<Map<String, String>>() { });
    }
}
