package app.smsdesk.gateway.http;

import app.smsdesk.gateway.tls.LanAddresses;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The names a request may give in its {@code Host} header: {@code localhost}, loopback addresses, this
 * computer's LAN addresses and host name (also with a domain after it, as a router's DNS adds), and names the
 * admin configured. A web page on another name that was made to resolve to this computer (DNS rebinding) names
 * its own host and is refused, so it cannot talk to the gateway as if it were the same origin. The addresses
 * are re-read in the background ({@link #refresh()}), since a laptop changes networks.
 */
final class AllowedHosts {
    private final Supplier<LanAddresses.Names> machine;
    private final Set<String> configured;
    private volatile Set<String> names = Set.of();
    private volatile Set<String> hostLabels = Set.of();

    AllowedHosts(Supplier<LanAddresses.Names> machine, Iterable<String> configured) {
        this.machine = machine;
        Set<String> c = new TreeSet<>();
        configured.forEach(n -> c.add(n.strip().toLowerCase(Locale.ROOT)));
        this.configured = Set.copyOf(c);
        refresh();
    }

    /** Reads the computer's names and addresses again. */
    void refresh() {
        LanAddresses.Names now = machine.get();
        Set<String> all = new TreeSet<>(configured);
        all.add("localhost");
        Set<String> labels = new TreeSet<>();
        for (String n : now.dnsNames()) {
            String name = n.toLowerCase(Locale.ROOT);
            all.add(name);
            if (!name.equals("localhost")) {
                labels.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
            }
        }
        all.addAll(now.ipAddresses());
        this.names = Set.copyOf(all);
        this.hostLabels = Set.copyOf(labels);
    }

    /** Whether {@code host} (the Host header without its port; null when absent) names this gateway. */
    boolean allows(String host) {
        if (host == null || host.isEmpty()) {
            return true; // HTTP/1.0 without Host: not a browser, which always names the host
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (names.contains(h) || h.endsWith(".localhost") || isLoopbackLiteral(h)) {
            return true;
        }
        if (looksLikeAddress(h)) {
            return names.contains(LanAddresses.canonical(h));
        }
        int dot = h.indexOf('.');
        return dot > 0 && hostLabels.contains(h.substring(0, dot));
    }

    private static boolean isLoopbackLiteral(String h) {
        return h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || h.equals("::1");
    }

    private static boolean looksLikeAddress(String h) {
        return h.matches("[0-9.]+") || h.contains(":");
    }
}
