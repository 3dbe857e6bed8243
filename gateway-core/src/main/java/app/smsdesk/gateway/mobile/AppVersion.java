package app.smsdesk.gateway.mobile;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phone app's version, read from its {@code User-Agent: me.capcom.smsgateway/<version>}, and what that version
 * understands. A webhook event or message state an app does not know makes its whole sync fail, so the mobile API
 * sends each phone only what its version knows. An unknown or missing version is taken as the newest one known.
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 */
public record AppVersion(int major, int minor, int patch) implements Comparable<AppVersion> {
    // At most 6 digits a part: a version beyond that is no app's, and is read as unknown rather than overflowing.
    private static final Pattern USER_AGENT =
            Pattern.compile("me\\.capcom\\.smsgateway/v?(\\d{1,6})\\.(\\d{1,6})(?:\\.(\\d{1,6}))?(?!\\d)");
    private static final Pattern PLAIN = Pattern.compile("v?(\\d{1,6})\\.(\\d{1,6})(?:\\.(\\d{1,6}))?(?!\\d).*");

    /** The newest app version this gateway was checked against. */
    public static final AppVersion NEWEST_KNOWN = new AppVersion(1, 68, 0);
    /** First version that parses the {@code state} field and acts on {@code Cancelling} / MessageCancelled. */
    public static final AppVersion CANCEL = new AppVersion(1, 67, 0);

    /** Webhook events with the first app version that knows them (mobile-sync §3.5); others are never sent. */
    private static final Map<String, AppVersion> EVENTS = Map.ofEntries(
            Map.entry("sms:received", new AppVersion(0, 0, 0)),
            Map.entry("sms:sent", new AppVersion(0, 0, 0)),
            Map.entry("system:ping", new AppVersion(0, 0, 0)),
            Map.entry("sms:delivered", new AppVersion(1, 19, 0)),
            Map.entry("sms:failed", new AppVersion(1, 19, 0)),
            Map.entry("sms:data-received", new AppVersion(1, 39, 0)),
            Map.entry("mms:received", new AppVersion(1, 47, 0)),
            Map.entry("mms:downloaded", new AppVersion(1, 56, 0)),
            Map.entry("app:started", new AppVersion(1, 66, 0)),
            Map.entry("sms:cancelled", CANCEL));

    /** Reads the version from an app User-Agent; anything else gives {@link #NEWEST_KNOWN}. */
    public static AppVersion fromUserAgent(String userAgent) {
        if (userAgent == null) {
            return NEWEST_KNOWN;
        }
        Matcher m = USER_AGENT.matcher(userAgent);
        return m.find() ? of(m) : NEWEST_KNOWN;
    }

    /** Reads a stored version string such as {@code 1.68.0}; null or garbage gives {@link #NEWEST_KNOWN}. */
    public static AppVersion parse(String version) {
        if (version == null) {
            return NEWEST_KNOWN;
        }
        Matcher m = PLAIN.matcher(version.strip());
        return m.matches() ? of(m) : NEWEST_KNOWN;
    }

    /** The version string of an app User-Agent, or null when it is not the app's. */
    public static String versionString(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        Matcher m = USER_AGENT.matcher(userAgent);
        return m.find() ? of(m).toString() : null;
    }

    private static AppVersion of(Matcher m) {
        return new AppVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public boolean knowsWebhookEvent(String event) {
        AppVersion since = EVENTS.get(event);
        return since != null && compareTo(since) >= 0;
    }

    /** Whether the app understands the Cancelling state and the MessageCancelled event. */
    public boolean knowsCancel() {
        return compareTo(CANCEL) >= 0;
    }

    @Override
    public int compareTo(AppVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
