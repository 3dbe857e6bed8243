package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.ValidationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Timestamps on the wire: RFC 3339 in UTC with exactly three fractional digits (the phone app needs that). */
public final class WireTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireTime() {
    }

    /** Formats by hand: the formatter cost more than the rest of writing a message (pages hold 50 of them). */
    public static String format(Instant instant) {
        java.time.LocalDateTime t;
        try {
            t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return FORMAT.format(instant);
        }
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return FORMAT.format(instant);
        }
        char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(c, 0, 4, t.getYear());
        digits(c, 5, 2, t.getMonthValue());
        digits(c, 8, 2, t.getDayOfMonth());
        digits(c, 11, 2, t.getHour());
        digits(c, 14, 2, t.getMinute());
        digits(c, 17, 2, t.getSecond());
        digits(c, 20, 3, instant.getNano() / 1_000_000);
        return new String(c);
    }

    private static void digits(char[] c, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Parses an RFC 3339 timestamp that carries a zone; 400 naming {@code field} otherwise. RFC 3339 years have
     * four digits; Java would also read {@code +999999999-12-31T...}, which the store cannot hold as epoch millis.
     */
    public static Instant parse(String field, String value) {
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(field);
        }
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw invalid(field);
        }
        return t.toInstant();
    }

    private static ValidationException invalid(String field) {
        return new ValidationException(field + ": must be an RFC 3339 timestamp with a time zone, e.g. "
                + "2026-01-31T12:00:00Z");
    }
}
