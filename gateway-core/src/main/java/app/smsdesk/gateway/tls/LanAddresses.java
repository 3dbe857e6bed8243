package app.smsdesk.gateway.tls;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The names and addresses this machine answers on, as a server certificate must cover them. */
public final class LanAddresses {
    private LanAddresses() {
    }

    /**
     * What the certificate covers.
     *
     * @param dnsNames localhost and the host name
     * @param ipAddresses loopback and every LAN address (textual, without zone ids)
     */
    public record Names(Set<String> dnsNames, Set<String> ipAddresses) {
        public Names {
            dnsNames = Collections.unmodifiableSet(new TreeSet<>(dnsNames));
            Set<String> canonical = new TreeSet<>();
            ipAddresses.forEach(ip -> canonical.add(canonicalIp(ip)));
            ipAddresses = Collections.unmodifiableSet(canonical);
        }

        public boolean coveredBy(Names other) {
            return other.dnsNames.containsAll(dnsNames) && other.ipAddresses.containsAll(ipAddresses);
        }
    }

    /** localhost, the host name, 127.0.0.1, ::1 and the address of every interface that is up (no link-local). */
    public static Names current() {
        Set<String> dns = new TreeSet<>(List.of("localhost"));
        hostName().ifPresent(dns::add);
        Set<String> ips = new TreeSet<>(List.of("127.0.0.1", "::1"));
        for (InetAddress a : interfaceAddresses()) {
            ips.add(text(a));
        }
        return new Names(dns, ips);
    }

    /** The IPv4 LAN addresses (what a phone on the same Wi-Fi would type), best first. */
    public static List<String> lanIpv4() {
        List<String> out = new ArrayList<>();
        for (InetAddress a : interfaceAddresses()) {
            if (a instanceof Inet4Address) {
                if (a.isSiteLocalAddress()) {
                    out.add(0, a.getHostAddress());
                } else {
                    out.add(a.getHostAddress());
                }
            }
        }
        return out;
    }

    private static List<InetAddress> interfaceAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!n.isUp() || n.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (!a.isLinkLocalAddress() && !a.isLoopbackAddress() && !a.isMulticastAddress()
                            && !a.isAnyLocalAddress()) {
                        out.add(a);
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces readable: loopback only
        }
        return out;
    }

    private static java.util.Optional<String> hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && name.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")
                    && !name.matches("[0-9.]+")) {
                return java.util.Optional.of(name);
            }
        } catch (UnknownHostException e) {
            // no resolvable host name
        }
        return java.util.Optional.empty();
    }

    /** {@link #canonicalIp} for other packages: one spelling per address literal, never a name lookup. */
    public static String canonical(String literal) {
        return canonicalIp(literal);
    }

    /** One spelling per address ({@code ::1} and {@code 0:0:0:0:0:0:0:1} are the same), so sets compare. */
    static String canonicalIp(String literal) {
        int zone = literal.indexOf('%');
        String ip = zone < 0 ? literal : literal.substring(0, zone);
        if (!ip.matches("[0-9A-Fa-f:.]+")) {
            return ip; // not a literal: leave it (never resolve names here)
        }
        try {
            return text(InetAddress.getByName(ip));
        } catch (UnknownHostException e) {
            return ip;
        }
    }

    /** The address without an IPv6 zone id. */
    static String text(InetAddress a) {
        String s = a.getHostAddress();
        int zone = s.indexOf('%');
        return zone < 0 ? s : s.substring(0, zone);
    }
}
