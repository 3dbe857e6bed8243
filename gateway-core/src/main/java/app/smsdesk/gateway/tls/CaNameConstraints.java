package app.smsdesk.gateway.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * What the local CA may vouch for (RFC 5280 §4.2.1.10): private and loopback addresses, {@code localhost}, the
 * local-network suffixes and this machine's own name. Phones install the CA as a trusted root, so without these
 * constraints whoever obtained its key could impersonate any web site to every paired phone; with them, a
 * certificate the key signs for a public name or address fails validation on the phone.
 */
final class CaNameConstraints {
    /** Private (RFC 1918), shared (RFC 6598, used by VPN overlays), link-local and loopback IPv4 ranges. */
    private static final List<String> IPV4 = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8");
    /** Unique-local, link-local and loopback IPv6. */
    private static final List<String> IPV6 = List.of("fc00::/7", "fe80::/10", "::1/128");
    /** Names that never resolve on the public internet. */
    private static final List<String> DNS_SUFFIXES = List.of("localhost", "local", "lan", "home.arpa", "internal",
            "localdomain");

    private final Set<String> dnsNames;

    private CaNameConstraints(Set<String> dnsNames) {
        this.dnsNames = dnsNames;
    }

    /** The constraints for a CA made on a machine with these names (its host names are permitted too). */
    static CaNameConstraints forMachine(LanAddresses.Names names) {
        Set<String> dns = new TreeSet<>(DNS_SUFFIXES);
        names.dnsNames().forEach(n -> dns.add(n.toLowerCase(Locale.ROOT)));
        return new CaNameConstraints(dns);
    }

    /**
     * The constraints of an existing CA certificate, or null when it has none (a CA made by an earlier version,
     * kept so that paired phones go on trusting it).
     */
    static CaNameConstraints of(java.security.cert.X509Certificate ca) {
        byte[] value = ca.getExtensionValue(org.bouncycastle.asn1.x509.Extension.nameConstraints.getId());
        if (value == null) {
            return null;
        }
        try {
            NameConstraints nc = NameConstraints.getInstance(
                    org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils.parseExtensionValue(value));
            Set<String> dns = new TreeSet<>();
            for (GeneralSubtree t : nc.getPermittedSubtrees()) {
                if (t.getBase().getTagNo() == GeneralName.dNSName) {
                    dns.add(t.getBase().getName().toString().toLowerCase(Locale.ROOT));
                }
            }
            return new CaNameConstraints(dns);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable name constraints in the local CA", e);
        }
    }

    NameConstraints extension() {
        List<GeneralSubtree> permitted = new ArrayList<>();
        dnsNames.forEach(n -> permitted.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, n))));
        for (String range : ranges()) {
            permitted.add(new GeneralSubtree(new GeneralName(GeneralName.iPAddress,
                    new DEROctetString(addressAndMask(range)))));
        }
        return new NameConstraints(permitted.toArray(GeneralSubtree[]::new), null);
    }

    /** The names a server certificate of this CA can carry; the others would make phones refuse the chain. */
    LanAddresses.Names permittedPart(LanAddresses.Names wanted) {
        Set<String> dns = new TreeSet<>();
        for (String n : wanted.dnsNames()) {
            if (permitsName(n)) {
                dns.add(n);
            }
        }
        Set<String> ips = new TreeSet<>();
        for (String ip : wanted.ipAddresses()) {
            if (permitsAddress(ip)) {
                ips.add(ip);
            }
        }
        return new LanAddresses.Names(dns, ips);
    }

    boolean permitsName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return dnsNames.stream().anyMatch(p -> n.equals(p) || n.endsWith("." + p));
    }

    static boolean permitsAddress(String ip) {
        byte[] address;
        try {
            address = InetAddress.getByName(LanAddresses.canonicalIp(ip)).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        for (String range : ranges()) {
            byte[] am = addressAndMask(range);
            if (am.length == 2 * address.length && inRange(address, am)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> ranges() {
        List<String> all = new ArrayList<>(IPV4);
        all.addAll(IPV6);
        return all;
    }

    private static boolean inRange(byte[] address, byte[] addressAndMask) {
        int n = address.length;
        for (int i = 0; i < n; i++) {
            if ((address[i] & addressAndMask[n + i]) != (addressAndMask[i] & addressAndMask[n + i])) {
                return false;
            }
        }
        return true;
    }

    /** The iPAddress constraint encoding: the address followed by the mask, 8 or 32 octets. */
    static byte[] addressAndMask(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] address;
        try {
            address = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        byte[] out = new byte[address.length * 2];
        System.arraycopy(address, 0, out, 0, address.length);
        for (int i = 0; i < address.length; i++) {
            int take = Math.max(0, Math.min(8, bits - 8 * i));
            out[address.length + i] = (byte) (0xff << (8 - take));
        }
        return out;
    }
}
