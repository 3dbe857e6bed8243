package app.smsdesk.gateway.mobile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient parsing of the timestamps phones send ({@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in the phone's zone).
 * Android before 7.0 writes negative offsets as {@code +-5:00}; anything unreadable becomes "now" so that one bad
 * date never makes the gateway reject a whole report.
 */
public final class PhoneTime {
    private static final Pattern BROKEN_NEGATIVE = Pattern.compile("\\+-(\\d{1,2}):?(\\d{2})$");
    private static final Pattern SHORT_HOUR = Pattern.compile("([+-])(\\d):(\\d{2})$");

    private PhoneTime() {
    }

    public static Instant parse(String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        Matcher broken = BROKEN_NEGATIVE.matcher(v);
        if (broken.find()) {
            v = v.substring(0, broken.start()) + "-" + pad(broken.group(1)) + ":" + broken.group(2);
        }
        Matcher shortHour = SHORT_HOUR.matcher(v);
        if (shortHour.find()) {
            v = v.substring(0, shortHour.start()) + shortHour.group(1) + "0" + shortHour.group(2) + ":"
                    + shortHour.group(3);
        }
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(v));
            } catch (NumberFormatException notMillis) {
                return fallback;
            }
        }
    }

    private static String pad(String hours) {
        return hours.length() == 1 ? "0" + hours : hours;
    }
}
