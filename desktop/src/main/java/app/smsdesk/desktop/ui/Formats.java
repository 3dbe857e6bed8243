package app.smsdesk.desktop.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the console writes times and durations. */
public final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Formats() {
    }

    /** "in 5 min", "3 h ago", "just now"; a dash for null. */
    public static String relative(Instant t, Instant now) {
        if (t == null) {
            return "—";
        }
        Duration d = Duration.between(now, t);
        boolean future = !d.isNegative();
        Duration a = d.abs();
        if (a.toSeconds() < 45) {
            return future ? "in a moment" : "just now";
        }
        String amount = amount(a);
        return future ? "in " + amount : amount + " ago";
    }

    /** A rounded-down length: "5 min", "3 h", "12 days". */
    public static String amount(Duration a) {
        if (a.toMinutes() < 60) {
            return Math.max(1, a.toMinutes()) + " min";
        }
        if (a.toHours() < 48) {
            return a.toHours() + " h";
        }
        if (a.toDays() < 730) {
            return a.toDays() + " days";
        }
        return a.toDays() / 365 + " years";
    }

    /** An exact length for settings: "90 days", "12 hours", "45 minutes", "30 seconds". */
    public static String exact(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return plural(s / 86_400, "day");
        }
        if (s % 3600 == 0) {
            return plural(s / 3600, "hour");
        }
        if (s % 60 == 0) {
            return plural(s / 60, "minute");
        }
        return plural(s, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** "14:05" for today, "28 Nov 14:05" this year, else the full date. */
    public static String compact(Instant t, Instant now, ZoneId zone) {
        if (t == null) {
            return "—";
        }
        var local = t.atZone(zone);
        var today = now.atZone(zone).toLocalDate();
        if (local.toLocalDate().equals(today)) {
            return DateTimeFormatter.ofPattern("HH:mm").format(local);
        }
        if (local.getYear() == today.getYear()) {
            return DateTimeFormatter.ofPattern("d MMM HH:mm").format(local);
        }
        return DATE_TIME.format(local);
    }

    public static String dateTime(Instant t, ZoneId zone) {
        return t == null ? "—" : DATE_TIME.format(t.atZone(zone));
    }

    public static String dateTimeSeconds(Instant t, ZoneId zone) {
        return t == null ? "—" : DATE_TIME_SECONDS.format(t.atZone(zone));
    }
}
