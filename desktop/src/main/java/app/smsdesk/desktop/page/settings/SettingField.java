package app.smsdesk.desktop.page.settings;

import java.util.List;

/**
 * One field of the phones' settings document as the form shows it.
 *
 * @param section document section, e.g. {@code messages}
 * @param key field name in the section
 * @param label what the form calls it
 * @param help one line on what it does
 * @param kind how it is typed and checked
 * @param options allowed values of a choice
 */
public record SettingField(String section, String key, String label, String help, Kind kind, List<String> options) {
    /** Value types of the document (empty always means "the phone's default"). */
    public enum Kind { NUMBER, SWITCH, CHOICE, TIME }

    public String path() {
        return section + "." + key;
    }

    static SettingField number(String section, String key, String label, String help) {
        return new SettingField(section, key, label, help, Kind.NUMBER, List.of());
    }

    static SettingField onOff(String section, String key, String label, String help) {
        return new SettingField(section, key, label, help, Kind.SWITCH, List.of("true", "false"));
    }

    static SettingField choice(String section, String key, String label, String help, String... options) {
        return new SettingField(section, key, label, help, Kind.CHOICE, List.of(options));
    }

    static SettingField time(String section, String key, String label, String help) {
        return new SettingField(section, key, label, help, Kind.TIME, List.of());
    }

    /** The document's fields an admin may set (secrets cannot be set through the API and are left out). */
    public static final List<SettingField> ALL = List.of(
            number("messages", "send_interval_min", "Min. pause between SMS (s)",
                    "Shortest wait before the phone sends the next message."),
            number("messages", "send_interval_max", "Max. pause between SMS (s)",
                    "Longest wait; the phone picks a random pause in between."),
            choice("messages", "limit_period", "Send limit period", "Per how long the limit below counts.",
                    "Disabled", "PerMinute", "Per30Minutes", "PerHour", "PerDay"),
            number("messages", "limit_value", "Send limit", "How many messages per period at most."),
            choice("messages", "sim_selection_mode", "SIM choice", "Which SIM sends when a message names none.",
                    "OSDefault", "RoundRobin", "Random"),
            choice("messages", "processing_order", "Order", "Which waiting message goes first.", "LIFO", "FIFO"),
            number("messages", "log_lifetime_days", "Keep message log (days)",
                    "How long the phone keeps sent messages."),
            onOff("messages", "work_hours_enabled", "Work hours only", "Send only between the times below."),
            time("messages", "work_hours_start", "Work hours start", "24-hour time, e.g. 08:00."),
            time("messages", "work_hours_end", "Work hours end", "24-hour time, e.g. 20:00."),
            number("ping", "interval_seconds", "Ping interval (s)", "How often phones report that they are alive."),
            number("logs", "lifetime_days", "Keep phone logs (days)", "How long phones keep their own logs."),
            onOff("webhooks", "internet_required", "Webhooks need internet",
                    "Wait for an internet connection before calling webhooks."),
            number("webhooks", "retry_count", "Webhook retries", "How often a failed webhook call is repeated."),
            choice("gateway", "notification_channel", "Notification channel",
                    "How the gateway wakes the phones up.", "AUTO", "SSE_ONLY"),
            onOff("receiver", "content_provider_enabled", "Read received SMS from the phone's store",
                    "Lets phones re-read their inbox when asked for an inbox refresh."));
}
