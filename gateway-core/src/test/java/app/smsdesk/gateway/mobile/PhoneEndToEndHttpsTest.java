package app.smsdesk.gateway.mobile;

import app.smsdesk.gateway.testing.DownloadedCa;
import javax.net.ssl.SSLContext;

/**
 * The same scenarios over HTTPS, as a release build of the app needs it: the phone first downloads the CA from
 * {@code /ca.crt} over plain HTTP, trusts it (like a user-installed CA) and then talks HTTPS only, host name
 * checked.
 */
class PhoneEndToEndHttpsTest extends PhoneEndToEndTest {
    private SSLContext trust;

    @Override
    String base() {
        return gw.gateway().localHttpsUrl() + "/api/mobile/v1";
    }

    @Override
    SSLContext tls() {
        if (trust == null) {
            trust = DownloadedCa.trustingDownloadedCa(gw);
        }
        return trust;
    }
}
