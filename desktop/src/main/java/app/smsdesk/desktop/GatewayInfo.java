package app.smsdesk.desktop;

import app.smsdesk.gateway.Gateway;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the running gateway can be reached.
 *
 * @param localUrl base URL on this machine, e.g. {@code http://127.0.0.1:3000}
 * @param bindHost the address the gateway listens on
 * @param port the HTTP port
 * @param privateToken the phones' registration key
 * @param version the build's version
 */
public record GatewayInfo(String localUrl, String bindHost, int port, String privateToken, String version) {
    public static GatewayInfo of(Gateway gateway) {
        return new GatewayInfo(gateway.localUrl(), gateway.config().host(), gateway.port(), gateway.privateToken(),
                Gateway.version());
    }

    /** The third-party API base that programs call. */
    public String apiUrl() {
        return localUrl + "/3rdparty/v1";
    }

    /** True when phones on the network can reach the gateway (it does not listen on loopback only). */
    public boolean reachableFromNetwork() {
        return !bindHost.startsWith("127.") && !"localhost".equals(bindHost) && !"::1".equals(bindHost);
    }

    /**
     * Addresses phones on the local network can use: the bound address, or every site-local IPv4 address of
     * this machine when the gateway listens on all of them. Reads the network interfaces: call off the FX thread.
     */
    public List<String> lanHosts() {
        if (!"0.0.0.0".equals(bindHost) && !"::".equals(bindHost)) {
            return List.of(bindHost);
        }
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback() || ni.isVirtual()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
                        out.add(a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        Collections.sort(out);
        return out;
    }

    /** The URL the phone app's "API URL" field needs for a host. */
    public String mobileApiUrl(String host) {
        return "http://" + host + ":" + port + "/api/mobile/v1";
    }

    /** Where a phone downloads the gateway's certificate authority (HTTPS pairing). */
    public String caUrl(String host) {
        return "http://" + host + ":" + port + "/ca.crt";
    }
}
