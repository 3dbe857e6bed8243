package app.smsdesk.gateway.store;

import app.smsdesk.gateway.domain.MessageContent;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.domain.RecipientState;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The message row's JSON columns ({@code content}, {@code recipients}, {@code states}) read and written with the
 * streaming parser: a page of 50 messages parses 150 of them, and data binding cost more than the rest of the
 * row. Unknown keys are skipped, so older or newer rows still read.
 */
final class MessageColumns {
    private static final JsonFactory JSON = new JsonFactory();

    private MessageColumns() {
    }

    /** The column's UTF-8 bytes as stored: reading them skips building a String only to parse it. */
    static MessageContent content(byte[] json) {
        String text = null;
        String data = null;
        Integer port = null;
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "text" -> text = value == JsonToken.VALUE_NULL ? null : p.getText();
                    case "data" -> data = value == JsonToken.VALUE_NULL ? null : p.getText();
                    case "port" -> port = value == JsonToken.VALUE_NULL ? null : p.getIntValue();
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw corrupt("content", e);
        }
        return text != null ? MessageContent.text(text) : MessageContent.data(data, port == null ? 0 : port);
    }

    static List<RecipientState> recipients(byte[] json) {
        List<RecipientState> out = new ArrayList<>(1);
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String phone = null;
                String state = null;
                String error = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    String text = value == JsonToken.VALUE_NULL ? null : value.isScalarValue() ? p.getText() : null;
                    switch (name) {
                        case "phoneNumber" -> phone = text;
                        case "state" -> state = text;
                        case "error" -> error = text;
                        default -> p.skipChildren();
                    }
                }
                out.add(new RecipientState(phone, ProcessingState.valueOf(state), error));
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt("recipients", e);
        }
        return out;
    }

    /** State name → epoch milliseconds; names this version does not know are skipped. */
    static Map<ProcessingState, Instant> states(byte[] json) {
        Map<ProcessingState, Instant> out = new EnumMap<>(ProcessingState.class);
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                ProcessingState.parse(name).ifPresent(s -> {
                    try {
                        out.put(s, Instant.ofEpochMilli(p.getLongValue()));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt("states", e);
        }
        return out;
    }

    static String content(MessageContent content) {
        return write(g -> {
            g.writeStartObject();
            if (content.isText()) {
                g.writeStringField("text", content.text());
            } else {
                g.writeStringField("data", content.data());
                g.writeNumberField("port", content.port());
            }
            g.writeEndObject();
        });
    }

    static String recipients(List<RecipientState> recipients) {
        return write(g -> {
            g.writeStartArray();
            for (RecipientState r : recipients) {
                g.writeStartObject();
                g.writeStringField("phoneNumber", r.phoneNumber());
                g.writeStringField("state", r.state().name());
                g.writeStringField("error", r.error());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    static String states(Map<ProcessingState, Instant> states) {
        return write(g -> {
            g.writeStartObject();
            for (Map.Entry<ProcessingState, Instant> e : states.entrySet()) {
                g.writeNumberField(e.getKey().name(), e.getValue().toEpochMilli());
            }
            g.writeEndObject();
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode column value", e);
        }
        return out.toString();
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }

    private static IllegalStateException corrupt(String column, Exception e) {
        return new IllegalStateException("corrupt JSON column " + column, e);
    }
}
