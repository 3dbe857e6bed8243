package app.smsdesk.desktop.shell;

/** The console's screens, in sidebar order, with their shortcut digit (Ctrl+digit). */
public enum Page {
    DASHBOARD("Dashboard", "Phones, traffic and recent events at a glance"),
    MESSAGES("Messages", "Everything sent through the gateway"),
    INBOX("Inbox", "SMS the phones received"),
    PHONES("Phones", "The Android phones that send for you"),
    TOKENS("API tokens", "Keys your programs use to call the gateway"),
    WEBHOOKS("Webhooks", "Where the phones report events"),
    SETTINGS("Settings", "Phone behaviour and gateway options"),
    LOGS("Logs", "What the gateway did, live"),
    ACCOUNT("Account", "Your sign-in");

    private final String title;
    private final String subtitle;

    Page(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    /** 1-based shortcut digit. */
    public int shortcut() {
        return ordinal() + 1;
    }
}
