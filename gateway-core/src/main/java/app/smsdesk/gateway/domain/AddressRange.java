package app.smsdesk.gateway.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * One entry of a token's allowed client addresses: a single IPv4 or IPv6 address or a CIDR range. Only literals
 * are accepted, so that parsing one never looks a name up in DNS.
 *
 * @param network the range's first address bytes (4 or 16)
 * @param prefixLength how many leading bits must match
 */
public record AddressRange(byte[] network, int prefixLength) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** Parses {@code 192.168.1.0/24}, {@code 10.0.0.5}, {@code fd00::/8}; null when it is not one of these. */
    public static AddressRange parse(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            return null;
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                return null;
            }
            prefix = Integer.parseInt(p);
        }
        return new AddressRange(bytes, prefix);
    }

    private static byte[] literal(String address) {
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether the client address (as the HTTP layer reports it) lies in this range. */
    public boolean contains(String clientAddress) {
        byte[] client = literal(clientAddress == null ? "" : clientAddress.replaceFirst("%.*$", ""));
        if (client == null) {
            return false;
        }
        client = unmapped(client);
        byte[] net = unmapped(network);
        if (client.length != net.length) {
            return false;
        }
        int prefix = net.length == network.length ? prefixLength : Math.max(0, prefixLength - 96);
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((client[bit / 8] & mask) != (net[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) as its IPv4 bytes. */
    private static byte[] unmapped(byte[] a) {
        if (a.length != 16) {
            return a;
        }
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return a;
            }
        }
        if (a[10] != (byte) 0xff || a[11] != (byte) 0xff) {
            return a;
        }
        return new byte[] {a[12], a[13], a[14], a[15]};
    }
}
