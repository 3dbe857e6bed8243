package app.smsdesk.gateway.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JWT scopes of the SMSGate API and how a granted set satisfies a required one. */
public final class Scopes {
    public static final String ALL = "all:any";
    public static final String MESSAGES_SEND = "messages:send";
    public static final String MESSAGES_READ = "messages:read";
    public static final String MESSAGES_LIST = "messages:list";
    public static final String MESSAGES_CANCEL = "messages:cancel";
    public static final String MESSAGES_EXPORT = "messages:export";
    public static final String INBOX_LIST = "inbox:list";
    public static final String INBOX_REFRESH = "inbox:refresh";
    public static final String DEVICES_LIST = "devices:list";
    public static final String DEVICES_DELETE = "devices:delete";
    public static final String WEBHOOKS_LIST = "webhooks:list";
    public static final String WEBHOOKS_WRITE = "webhooks:write";
    public static final String WEBHOOKS_DELETE = "webhooks:delete";
    public static final String SETTINGS_READ = "settings:read";
    public static final String SETTINGS_WRITE = "settings:write";
    public static final String LOGS_READ = "logs:read";
    public static final String TOKENS_MANAGE = "tokens:manage";
    /** Internal: only refresh tokens carry it, and only an exact match accepts it. */
    public static final String TOKENS_REFRESH = "tokens:refresh";

    /** Every scope a client may request, with the one-line description the console shows. */
    public static final Map<String, String> REQUESTABLE = requestable();

    private Scopes() {
    }

    private static Map<String, String> requestable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ALL, "Full access to all resources and operations");
        m.put(MESSAGES_SEND, "Send SMS messages");
        m.put(MESSAGES_READ, "Read individual message details");
        m.put(MESSAGES_LIST, "List and view messages");
        m.put(MESSAGES_CANCEL, "Cancel pending messages");
        m.put(MESSAGES_EXPORT, "Request an export of incoming messages");
        m.put(INBOX_LIST, "List incoming messages");
        m.put(INBOX_REFRESH, "Ask phones to re-scan incoming messages");
        m.put(DEVICES_LIST, "List and view registered devices");
        m.put(DEVICES_DELETE, "Remove registered devices");
        m.put(WEBHOOKS_LIST, "List and view webhook configurations");
        m.put(WEBHOOKS_WRITE, "Create and modify webhook configurations");
        m.put(WEBHOOKS_DELETE, "Remove webhook configurations");
        m.put(SETTINGS_READ, "Read settings");
        m.put(SETTINGS_WRITE, "Modify settings");
        m.put(LOGS_READ, "Read the gateway's event log");
        m.put(TOKENS_MANAGE, "Generate, list and revoke JWT tokens");
        return Collections.unmodifiableMap(m);
    }

    public static boolean isRequestable(String scope) {
        return REQUESTABLE.containsKey(scope);
    }

    /** True when {@code granted} satisfies {@code required}; {@code all:any} counts unless the check is exact. */
    public static boolean satisfies(Collection<String> granted, String required, boolean exact) {
        if (granted.contains(required)) {
            return true;
        }
        return !exact && granted.contains(ALL);
    }

    /** True when every scope of {@code requested} is also held by {@code held} (all:any holds everything). */
    public static boolean isSubset(Collection<String> requested, Set<String> held) {
        return held.contains(ALL) || held.containsAll(requested);
    }

    public static List<String> requestableNames() {
        return List.copyOf(REQUESTABLE.keySet());
    }
}
