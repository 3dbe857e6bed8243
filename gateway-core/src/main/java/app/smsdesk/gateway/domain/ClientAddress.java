package app.smsdesk.gateway.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * How limits count a client: an IPv4 client by its address, an IPv6 client by its /64 (the block one home or
 * host is given, which it can rotate through at will).
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    /** The group of a textual address; anything that is not an address literal is its own group. */
    public static String group(String address) {
        if (address == null || address.isEmpty()) {
            return "?";
        }
        if (address.indexOf(':') < 0 || !address.matches("[0-9A-Fa-f:.%a-zA-Z]+")) {
            return address;
        }
        try {
            return group(InetAddress.getByName(address)); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return address;
        }
    }

    public static String group(InetAddress a) {
        if (a == null) {
            return "?";
        }
        if (a instanceof Inet6Address && !a.isLoopbackAddress()) {
            return HexFormat.of().formatHex(a.getAddress(), 0, 8) + "::/64";
        }
        return a.getHostAddress();
    }
}
