package app.smsdesk.gateway.http;

import app.smsdesk.gateway.domain.NotFoundException;
import app.smsdesk.gateway.mobile.PairingService;
import java.nio.charset.StandardCharsets;

/** Downloads for pairing a phone: the local CA certificate, served over plain HTTP so a phone can install it. */
public final class PairingHandlers {
    private final PairingService pairing;

    public PairingHandlers(PairingService pairing) {
        this.pairing = pairing;
    }

    /** DER with the type Android's certificate installer recognises. */
    void caCertificate(ApiExchange ex) {
        byte[] der = pairing.caCertificateDer().orElseThrow(() -> new NotFoundException("HTTPS is off"));
        ex.setHeader("Content-Disposition", "attachment; filename=\"smsdesk-ca.crt\"");
        ex.bytes(200, "application/x-x509-ca-cert", der);
    }

    void caCertificatePem(ApiExchange ex) {
        String pem = pairing.caCertificatePem().orElseThrow(() -> new NotFoundException("HTTPS is off"));
        ex.setHeader("Content-Disposition", "attachment; filename=\"smsdesk-ca.pem\"");
        ex.bytes(200, "application/x-pem-file", (pem + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
