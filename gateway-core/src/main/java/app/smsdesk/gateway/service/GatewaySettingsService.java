package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.GatewayOptions;
import app.smsdesk.gateway.store.KeyValueStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Gateway-wide settings, persisted in SQLite and held in memory for the request path. */
public final class GatewaySettingsService {
    private final KeyValueStore store;
    private final EventLogService log;
    private final AtomicReference<GatewayOptions> current;

    public GatewaySettingsService(KeyValueStore store, EventLogService log) {
        this.store = store;
        this.log = log;
        this.current = new AtomicReference<>(load(store.all()));
    }

    public GatewayOptions get() {
        return current.get();
    }

    public boolean jwtEnabled() {
        return current.get().jwtEnabled();
    }

    /** Replaces the settings (validated by {@link GatewayOptions}) and logs the change. */
    public GatewayOptions update(GatewayOptions options, String actor) {
        store.putAll(toMap(options));
        current.set(options);
        log.audit(null, actor, actor.startsWith("console:") ? "console" : "local", "settings",
                "gateway settings changed", Map.of(
                "jwtEnabled", String.valueOf(options.jwtEnabled()),
                "defaultTokenTtlSeconds", String.valueOf(options.defaultTokenTtl().toSeconds()),
                "maxTokenTtlSeconds", String.valueOf(options.maxTokenTtl().toSeconds()),
                "defaultRegion", options.defaultRegion(),
                "phoneApproval", String.valueOf(options.phoneApproval()),
                "logRetentionDays", String.valueOf(options.logRetentionDays()),
                "logRetentionEntries", String.valueOf(options.logRetentionEntries())));
        return options;
    }

    private static GatewayOptions load(Map<String, String> kv) {
        GatewayOptions d = GatewayOptions.defaults(defaultRegionFromLocale());
        return new GatewayOptions(
                Boolean.parseBoolean(kv.getOrDefault("jwt.enabled", String.valueOf(d.jwtEnabled()))),
                seconds(kv, "tokens.default_ttl_seconds", d.defaultTokenTtl()),
                seconds(kv, "tokens.max_ttl_seconds", d.maxTokenTtl()),
                seconds(kv, "tokens.refresh_ttl_seconds", d.refreshTokenTtl()),
                kv.getOrDefault("phones.default_region", d.defaultRegion()),
                Integer.parseInt(kv.getOrDefault("messages.retention_days", String.valueOf(d.messageRetentionDays()))),
                Boolean.parseBoolean(kv.getOrDefault("phones.approval", String.valueOf(d.phoneApproval()))),
                Integer.parseInt(kv.getOrDefault("logs.retention_days", String.valueOf(d.logRetentionDays()))),
                Integer.parseInt(kv.getOrDefault("logs.retention_entries", String.valueOf(d.logRetentionEntries()))));
    }

    private static Duration seconds(Map<String, String> kv, String key, Duration fallback) {
        String v = kv.get(key);
        return v == null ? fallback : Duration.ofSeconds(Long.parseLong(v));
    }

    private static Map<String, String> toMap(GatewayOptions o) {
        Map<String, String> m = new HashMap<>();
        m.put("jwt.enabled", String.valueOf(o.jwtEnabled()));
        m.put("tokens.default_ttl_seconds", String.valueOf(o.defaultTokenTtl().toSeconds()));
        m.put("tokens.max_ttl_seconds", String.valueOf(o.maxTokenTtl().toSeconds()));
        m.put("tokens.refresh_ttl_seconds", String.valueOf(o.refreshTokenTtl().toSeconds()));
        m.put("phones.default_region", o.defaultRegion());
        m.put("messages.retention_days", String.valueOf(o.messageRetentionDays()));
        m.put("phones.approval", String.valueOf(o.phoneApproval()));
        m.put("logs.retention_days", String.valueOf(o.logRetentionDays()));
        m.put("logs.retention_entries", String.valueOf(o.logRetentionEntries()));
        return m;
    }

    /** The machine's country if it has one, else US: numbers without + are read as local to the business. */
    static String defaultRegionFromLocale() {
        String country = Locale.getDefault().getCountry();
        return country != null && country.matches("[A-Z]{2}") ? country : "US";
    }
}
