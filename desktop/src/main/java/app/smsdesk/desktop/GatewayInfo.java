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
 * @param bindHost the address phones reach the gateway on: the HTTPS address, or the plain-HTTP one when HTTPS is
 *                 off
 * @param port the HTTP port
 * @param httpsUrl HTTPS base URL on this machine, e.g. {@code https://127.0.0.1:3443}; null when HTTPS is off
 * @param httpsPort the HTTPS port (phones), or -1 when HTTPS is off
 * @param privateToken the phones' registration key
 * @param version the build's version
 * @param dataDir the gateway's data directory (database, keys, certificates)
 */
public record GatewayInfo(String localUrl, String bindHost, int port, String httpsUrl, int httpsPort,
                          String privateToken, String version, String dataDir) {
    public static GatewayInfo of(Gateway gateway) {
        String phones = gateway.httpsPort() >= 0 ? gateway.config().httpsHost() : gateway.config().host();
        return new GatewayInfo(gateway.localUrl(), phones, gateway.port(), gateway.localHttpsUrl(),
                gateway.httpsPort(), gateway.privateToken(), Gateway.version(),
                gateway.config().dataDir().toAbsolutePath().toString());
    }

    /** True when the gateway serves HTTPS (what release builds of the phone app need). */
    public boolean httpsOn() {
        return httpsUrl != null;
    }

    /** The third-party API base that programs call. */
    public String apiUrl() {
        return localUrl + "/3rdparty/v1";
    }

    /** True when phones on the network can reach the gateway (it does not listen on loopback only). */
    public boolean reachableFromNetwork() {
        return !bindHost.startsWith("127.") && !"localhost".equals(bindHost) && !"::1".equals(bindHost);
    }

    /** True when the gateway listens on every address rather than one. */
    public boolean listensOnAllAddresses() {
        return "0.0.0.0".equals(bindHost) || "::".equals(bindHost);
    }

    /**
     * Addresses phones on the local network can use: the bound address, or every site-local IPv4 address of
     * this machine when the gateway listens on all of them. Only needed when HTTPS is off (the pairing service
     * lists the HTTPS addresses). Reads the network interfaces: call off the FX thread.
     */
    public List<String> lanHosts() {
        if (!listensOnAllAddresses()) {
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

    /** The plain-HTTP URL for the phone app's "API URL" field (the app's insecure build only). */
    public String plainMobileApiUrl(String host) {
        return "http://" + host + ":" + port + "/api/mobile/v1";
    }
}
