package app.smsdesk.gateway.service;

import app.smsdesk.gateway.store.Database;
import java.util.LinkedHashMap;
import java.util.Map;

/** Readiness, liveness and startup probes in the SMSGate HealthResponse model. */
public final class HealthService {
    /** One named check. */
    public record Check(String description, String observedUnit, long observedValue, String status) {
    }

    /** Overall status is the worst of the checks: pass, warn or fail. */
    public record Health(String status, String version, Map<String, Check> checks) {
        public boolean failed() {
            return "fail".equals(status);
        }
    }

    private final Database db;
    private final String version;
    private volatile int failedPings;

    public HealthService(Database db, String version) {
        this.db = db;
        this.version = version;
    }

    public String version() {
        return version;
    }

    public Health ready() {
        boolean ok = db.ping();
        failedPings = ok ? 0 : failedPings + 1;
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("db:ping", new Check("Database ping", "failed pings", failedPings, ok ? "pass" : "fail"));
        return health(checks);
    }

    /**
     * Alive, and whether the heap is nearly full ({@code warn}). It answers without credentials, so it names no
     * figures (heap in use and thread counts tell an attacker how close a flood is to working).
     */
    public Health live() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return new Health(used > rt.maxMemory() / 10 * 9 ? "warn" : "pass", version, Map.of());
    }

    public Health startup() {
        return health(Map.of());
    }

    private Health health(Map<String, Check> checks) {
        String status = "pass";
        for (Check c : checks.values()) {
            if ("fail".equals(c.status())) {
                status = "fail";
            } else if ("warn".equals(c.status()) && "pass".equals(status)) {
                status = "warn";
            }
        }
        return new Health(status, version, checks);
    }
}
