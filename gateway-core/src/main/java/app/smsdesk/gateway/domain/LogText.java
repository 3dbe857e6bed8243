package app.smsdesk.gateway.domain;

/**
 * Makes a value from outside (a client, a phone, a webhook) safe to write into a log: one line whatever it holds
 * (CR, LF and every other control character, the Unicode line and paragraph separators and the bidirectional
 * controls are written as visible escapes such as {@code \n} or {@code \u202E}), and cut to
 * {@link #MAX_CHARS} characters with a marker saying how long it was. So nobody can forge log lines (CWE-117),
 * disguise text, or fill the disk with one value.
 */
public final class LogText {
    /** The most characters of one value that reach a log. */
    public static final int MAX_CHARS = 200;

    private LogText() {
    }

    /** {@code value} escaped and cut at {@link #MAX_CHARS}; "null" for null. */
    public static String safe(String value) {
        return safe(value, MAX_CHARS);
    }

    /** {@code value} escaped and cut at {@code max} characters. */
    public static String safe(String value, int max) {
        if (value == null) {
            return "null";
        }
        boolean clean = value.length() <= max;
        for (int i = 0; clean && i < value.length(); i++) {
            clean = !needsEscape(value.charAt(i));
        }
        if (clean) {
            return value;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 16);
        int i = 0;
        for (; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            if (!needsEscape(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        if (i < value.length()) {
            out.append("\u2026[cut, ").append(value.length()).append(" characters]");
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E'
                || c == '\u200F' || c == '\u061C';
    }
}
