package app.smsdesk.gateway.domain;

/**
 * What a message carries: text, or binary data for a port (exactly one of the two).
 *
 * @param text the SMS text, or null for a data message
 * @param data base64 payload of a data message, or null
 * @param port destination port of a data message, or null
 */
public record MessageContent(String text, String data, Integer port) {
    public MessageContent {
        if ((text == null) == (data == null)) {
            throw new IllegalArgumentException("a message has either text or data");
        }
    }

    public static MessageContent text(String text) {
        return new MessageContent(text, null, null);
    }

    public static MessageContent data(String data, int port) {
        return new MessageContent(null, data, port);
    }

    public boolean isText() {
        return text != null;
    }
}
