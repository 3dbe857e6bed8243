package app.smsdesk.gateway.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Limits on what one token may do, beyond its scopes: the client addresses it may come from, the SMS it may send
 * a day, the recipient number prefixes it may send to and the hours it may be used. A request outside them gets a
 * 403 whose {@code reason} names the guard. Empty lists and nulls mean "no limit".
 *
 * @param addresses allowed client addresses and CIDR ranges
 * @param dailyBudget SMS (one per recipient) the token may send per day, or null
 * @param recipientPrefixes allowed recipient prefixes in international form ({@code +49}), or empty
 * @param hours allowed local hours as {@code HH:mm-HH:mm} (may wrap past midnight), or null
 * @param timeZone the zone of {@code hours} and of the budget's day
 */
public record TokenGuards(List<String> addresses, Integer dailyBudget, List<String> recipientPrefixes, String hours,
                          String timeZone) {
    public static final String ADDRESS = "guard:address";
    public static final String HOURS = "guard:hours";
    public static final String BUDGET = "guard:budget";
    public static final String RECIPIENT = "guard:recipient";
    public static final int MAX_ENTRIES = 50;
    public static final int MAX_BUDGET = 1_000_000;

    public TokenGuards {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        recipientPrefixes = recipientPrefixes == null ? List.of() : List.copyOf(recipientPrefixes);
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** No guard at all, in the gateway's zone. */
    public static TokenGuards none() {
        return new TokenGuards(List.of(), null, List.of(), null, ZoneId.systemDefault().getId());
    }

    public boolean isEmpty() {
        return addresses.isEmpty() && dailyBudget == null && recipientPrefixes.isEmpty() && hours == null;
    }

    /**
     * Checks and normalises guards as a client or the console gave them; a bad entry is a 400 naming it. A null
     * or blank zone means the gateway's own.
     */
    public static TokenGuards validated(List<String> addresses, Integer dailyBudget, List<String> prefixes,
                                        String hours, String timeZone) {
        List<String> ranges = new ArrayList<>();
        List<String> given = addresses == null ? List.of() : addresses;
        limit("guards.addresses", given);
        for (int i = 0; i < given.size(); i++) {
            String a = given.get(i) == null ? "" : given.get(i).strip();
            if (AddressRange.parse(a) == null) {
                throw new ValidationException("guards.addresses[" + i + "]: \"" + LogText.safe(a, 60)
                        + "\" is not an IP address or CIDR range (like 192.168.1.0/24)");
            }
            ranges.add(a);
        }
        if (dailyBudget != null && (dailyBudget < 1 || dailyBudget > MAX_BUDGET)) {
            throw new ValidationException("guards.dailyBudget: 1 to " + MAX_BUDGET + " SMS a day");
        }
        List<String> normalPrefixes = new ArrayList<>();
        List<String> givenPrefixes = prefixes == null ? List.of() : prefixes;
        limit("guards.recipientPrefixes", givenPrefixes);
        for (int i = 0; i < givenPrefixes.size(); i++) {
            String p = givenPrefixes.get(i) == null ? "" : givenPrefixes.get(i).strip().replace(" ", "");
            p = p.startsWith("00") ? "+" + p.substring(2) : p;
            p = p.startsWith("+") ? p : "+" + p;
            if (!p.matches("\\+\\d{1,15}")) {
                throw new ValidationException("guards.recipientPrefixes[" + i + "]: \"" + LogText.safe(
                        givenPrefixes.get(i) == null ? "" : givenPrefixes.get(i), 30)
                        + "\" is not an international number prefix (like +49)");
            }
            normalPrefixes.add(p);
        }
        String zone = zone(timeZone);
        String window = hours == null || hours.isBlank() ? null : window(hours);
        return new TokenGuards(ranges, dailyBudget, normalPrefixes, window, zone);
    }

    private static void limit(String field, List<String> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw new ValidationException(field + ": at most " + MAX_ENTRIES + " entries");
        }
    }

    private static String zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.systemDefault().getId();
        }
        try {
            return ZoneId.of(timeZone.strip()).getId();
        } catch (DateTimeException e) {
            throw new ValidationException("guards.timeZone: \"" + LogText.safe(timeZone, 40)
                    + "\" is not a time zone (like Europe/Berlin)");
        }
    }

    private static String window(String hours) {
        String[] parts = hours.strip().split("\\s*-\\s*");
        try {
            if (parts.length == 2) {
                LocalTime from = LocalTime.parse(parts[0]);
                LocalTime to = LocalTime.parse(parts[1]);
                if (!from.equals(to)) {
                    return from + "-" + to;
                }
            }
        } catch (DateTimeParseException e) {
            // falls through to the message below
        }
        throw new ValidationException("guards.hours: \"" + LogText.safe(hours, 40)
                + "\" is not a time window like 08:00-18:00 (it may wrap past midnight, 22:00-06:00)");
    }

    /** The address and hours guards, checked on every request of token {@code jti}. */
    public void checkAccess(String clientAddress, Instant now, String jti) {
        if (!addresses.isEmpty() && addresses.stream().map(AddressRange::parse)
                .noneMatch(r -> r.contains(clientAddress))) {
            throw new ForbiddenException(ADDRESS + ": this token may not be used from " + clientAddress
                    + "; allowed: " + String.join(", ", addresses), ADDRESS, jti);
        }
        if (hours != null && !withinHours(now)) {
            throw new ForbiddenException(HOURS + ": this token may only be used " + hours + " (" + timeZone + ")",
                    HOURS, jti);
        }
    }

    private boolean withinHours(Instant now) {
        String[] parts = hours.split("-");
        LocalTime from = LocalTime.parse(parts[0]);
        LocalTime to = LocalTime.parse(parts[1]);
        LocalTime t = now.atZone(ZoneId.of(timeZone)).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    /** The recipient guard for a send to {@code phoneNumbers} (international form). */
    public void checkRecipients(List<String> phoneNumbers, boolean encrypted, String jti) {
        if (recipientPrefixes.isEmpty()) {
            return;
        }
        if (encrypted) {
            throw new ForbiddenException(RECIPIENT + ": this token may only send to " + String.join(", ",
                    recipientPrefixes) + ", and encrypted recipients cannot be checked", RECIPIENT, jti);
        }
        for (String number : phoneNumbers) {
            if (recipientPrefixes.stream().noneMatch(number::startsWith)) {
                throw new ForbiddenException(RECIPIENT + ": this token may not send to " + number + "; allowed: "
                        + String.join(", ", recipientPrefixes), RECIPIENT, jti);
            }
        }
    }

    /** The day the budget counts against at {@code now}. */
    public LocalDate budgetDay(Instant now) {
        return now.atZone(ZoneId.of(timeZone)).toLocalDate();
    }
}
