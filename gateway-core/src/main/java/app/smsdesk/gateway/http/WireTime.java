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

    public static String format(Instant instant) {
        return FORMAT.format(instant);
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
