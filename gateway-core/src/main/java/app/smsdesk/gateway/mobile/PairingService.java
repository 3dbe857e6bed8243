package app.smsdesk.gateway.mobile;

import app.smsdesk.gateway.tls.LanAddresses;
import app.smsdesk.gateway.tls.LocalCertificates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What the console's pairing wizard shows to connect a phone: the API URL to type into the app, the private
 * token, where to download the CA certificate (and its fingerprint to compare), and which phones are connected.
 */
public final class PairingService {
    /** The mobile API path the app's "API URL" field needs after the host. */
    public static final String MOBILE_PATH = "/api/mobile/v1";

    private final LocalCertificates certificates;
    private final Supplier<String> privateToken;
    private final IntSupplier caPort;
    private final IntSupplier httpPort;
    private final IntSupplier httpsPort;
    private final SseHub hub; // which phones are connected
    private final PhoneRegistry registry;
    private final Supplier<List<String>> lanAddresses;

    /**
     * Everything needed to pair a phone.
     *
     * @param privateToken the registration key to type into the app ("Private token")
     * @param mobileApiUrls HTTPS API URLs, one per LAN address (type one into "API URL")
     * @param caDownloadUrls plain-HTTP URLs of the CA certificate, one per LAN address (open on the phone); the
     *                       port serves nothing else
     * @param caFingerprint SHA-256 of the CA certificate, to compare on the phone; null without HTTPS
     * @param usbMobileApiUrl the API URL for a USB cable ({@code adb reverse}), where plain HTTP is allowed
     */
    public record PairingInfo(String privateToken, List<String> mobileApiUrls, List<String> caDownloadUrls,
                              String caFingerprint, String usbMobileApiUrl) {
    }

    /**
     * @param caPort the port that serves only the CA certificate (on the LAN)
     * @param httpPort the plain-HTTP API port (loopback: USB cable with {@code adb reverse})
     * @param httpsPort the HTTPS port phones use
     */
    public PairingService(LocalCertificates certificates, Supplier<String> privateToken, IntSupplier caPort,
                          IntSupplier httpPort, IntSupplier httpsPort, Phones phones) {
        this(certificates, privateToken, caPort, httpPort, httpsPort, phones, LanAddresses::lanIpv4);
    }

    PairingService(LocalCertificates certificates, Supplier<String> privateToken, IntSupplier caPort,
                   IntSupplier httpPort, IntSupplier httpsPort, Phones phones, Supplier<List<String>> lanAddresses) {
        this.certificates = certificates;
        this.privateToken = privateToken;
        this.caPort = caPort;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.hub = phones.hub();
        this.registry = phones.registry();
        this.lanAddresses = lanAddresses;
    }

    /**
     * A one-time code for the app's "Sign in by code" (valid for ten minutes, single use): the phone joins the
     * caller's account approved, since only someone at the console could read the code.
     */
    public PhoneRegistry.LoginCode oneTimeCode(app.smsdesk.gateway.domain.Principal caller) {
        return registry.codeFor(caller.userId());
    }

    public PairingInfo info() {
        List<String> hosts = new ArrayList<>(lanAddresses.get());
        if (hosts.isEmpty()) {
            hosts.add("127.0.0.1");
        }
        List<String> api = new ArrayList<>();
        List<String> ca = new ArrayList<>();
        if (certificates != null) {
            for (String h : hosts) {
                api.add("https://" + h + ":" + httpsPort.getAsInt() + MOBILE_PATH);
                ca.add("http://" + h + ":" + caPort.getAsInt() + "/ca.crt");
            }
        }
        return new PairingInfo(privateToken.get(), List.copyOf(api), List.copyOf(ca),
                certificates == null ? null : certificates.caFingerprint(),
                "http://127.0.0.1:" + httpPort.getAsInt() + MOBILE_PATH);
    }

    /** The CA certificate (DER) a phone installs; empty when HTTPS is off. */
    public Optional<byte[]> caCertificateDer() {
        return Optional.ofNullable(certificates).map(LocalCertificates::caDer);
    }

    /** The same certificate as PEM text. */
    public Optional<String> caCertificatePem() {
        return Optional.ofNullable(certificates).map(LocalCertificates::caPem);
    }

    /** Ids of the phones that hold an open event stream right now. */
    public Set<String> connectedPhones() {
        return hub.connectedDevices();
    }
}
