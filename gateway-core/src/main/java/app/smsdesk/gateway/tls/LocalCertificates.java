package app.smsdesk.gateway.tls;

import app.smsdesk.gateway.store.DataDir;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x509.GeneralName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMSDesk's own certificate authority and the server certificate it signs, so that phones (whose app refuses
 * plain HTTP except to 127.0.0.1) can reach the gateway over HTTPS after installing the CA once. Created on first
 * start and kept in the data directory (owner-only); the server certificate covers localhost, the host name and
 * every LAN address, and is re-issued when those change or it nears expiry. The CA is kept as long as it can
 * sign, so phones keep trusting the gateway.
 *
 * <p>The CA is a root that phones install and an issuing CA under it, both name-constrained to private addresses
 * and local names ({@link CaNameConstraints}), made together, after which the root's key is thrown away (see
 * {@link CertificateMaker#newCa}); they live two years. So a stolen issuing key can neither impersonate public
 * sites to paired phones nor stay useful for a decade. Backups leave the issuing key out unless asked; a gateway
 * restored without it keeps serving the backed-up server certificate while that is valid and covers the
 * machine's addresses, and only then makes a new CA (the phones must install it again, which the log says).
 * A CA made by an earlier version (a root with its key, no constraints) is kept and used as it is.
 */
public final class LocalCertificates {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCertificates.class);
    /** The root certificate phones install. */
    static final String CA_CERT = "tls-ca-cert.pem";
    /** The root's key: only in data directories of earlier versions (new roots' keys are never stored). */
    static final String CA_KEY = "tls-ca-key.pem";
    static final String ISSUER_CERT = "tls-issuer-cert.pem";
    static final String ISSUER_KEY = "tls-issuer-key.pem";
    static final String SERVER_KEY = "tls-server-key.pem";
    static final String SERVER_CERT = "tls-server-cert.pem";
    /** The files whose keys can sign certificates phones trust: kept out of backups unless asked for. */
    public static final Set<String> SIGNING_KEY_FILES = Set.of(CA_KEY, ISSUER_KEY);
    static final Duration CA_VALIDITY = Duration.ofDays(730);
    /** Just under the 398 days clients accept for a server certificate. */
    static final Duration SERVER_VALIDITY = Duration.ofDays(397);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final DataDir dir;
    private final Clock clock;
    private final Supplier<LanAddresses.Names> names;
    private final SwappableKeyManager keyManager = new SwappableKeyManager();
    private final SSLContext sslContext;
    private volatile X509Certificate root;
    /** Signs server certificates: the issuing CA, or a legacy root; its key is null when not in the directory. */
    private volatile CertificateMaker.Signer signer;
    /** Null for a legacy CA made without constraints. */
    private volatile CaNameConstraints constraints;
    private volatile X509Certificate serverCert;

    private LocalCertificates(DataDir dir, Clock clock, Supplier<LanAddresses.Names> names) {
        this.dir = dir;
        this.clock = clock;
        this.names = names;
        LanAddresses.Names wanted = names.get();
        if (!loadCa()) {
            newCa(wanted);
        }
        loadOrIssueServer(wanted);
        try {
            this.sslContext = SSLContext.getInstance("TLS");
            sslContext.init(new KeyManager[] {keyManager}, null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /** Loads (or creates) the CA and a server certificate for the machine's current names. */
    public static LocalCertificates open(DataDir dir, Clock clock) {
        return new LocalCertificates(dir, clock, LanAddresses::current);
    }

    /** With a fixed source of names (tests). */
    public static LocalCertificates open(DataDir dir, Clock clock, Supplier<LanAddresses.Names> names) {
        return new LocalCertificates(dir, clock, names);
    }

    /** An SSL context serving the current server certificate; it follows {@link #refresh()} without restarting. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** Re-issues the server certificate when the LAN addresses changed or it nears expiry; true if it did. */
    public synchronized boolean refresh() {
        LanAddresses.Names wanted = names.get();
        if (covers(serverCert, coverable(wanted)) && !nearExpiry(serverCert)) {
            return false;
        }
        issueServer(wanted);
        return true;
    }

    /** The root certificate phones install. */
    public X509Certificate caCertificate() {
        return root;
    }

    public X509Certificate serverCertificate() {
        return serverCert;
    }

    /** What the HTTPS listener sends: the server certificate and, for a current CA, the issuing CA. */
    public X509Certificate[] chain() {
        X509Certificate issuer = signer.cert();
        return issuer.equals(root) ? new X509Certificate[] {serverCert}
                : new X509Certificate[] {serverCert, issuer};
    }

    public byte[] caDer() {
        return CertificateMaker.encoded(root);
    }

    public String caPem() {
        return CertificateMaker.pem(root);
    }

    /** SHA-256 of the CA certificate, as colon-separated upper-case hex (what phones show). */
    public String caFingerprint() {
        return CertificateMaker.fingerprint(root);
    }

    /** Reads the CA of the directory; false when there is none. */
    private boolean loadCa() {
        Optional<String> rootPem = dir.readSecret(CA_CERT);
        if (rootPem.isEmpty()) {
            return false;
        }
        root = CertificateMaker.readCert(rootPem.get());
        Optional<String> issuerPem = dir.readSecret(ISSUER_CERT);
        if (issuerPem.isPresent()) {
            X509Certificate issuer = CertificateMaker.readCert(issuerPem.get());
            signer = new CertificateMaker.Signer(issuer,
                    dir.readSecret(ISSUER_KEY).map(CertificateMaker::readKey).orElse(null));
            constraints = CaNameConstraints.of(issuer);
        } else {
            signer = new CertificateMaker.Signer(root,
                    dir.readSecret(CA_KEY).map(CertificateMaker::readKey).orElse(null));
            constraints = null;
            LOG.warn("the local CA was made by an earlier version without name constraints; it is kept so that"
                    + " paired phones keep working (a new one is made when it can no longer sign)");
        }
        return true;
    }

    private void newCa(LanAddresses.Names wanted) {
        CaNameConstraints made = CaNameConstraints.forMachine(wanted);
        List<CertificateMaker.Signer> ca = CertificateMaker.newCa(hostLabel(wanted), made, clock.instant(),
                CA_VALIDITY);
        dir.writeSecret(ISSUER_KEY, CertificateMaker.pem(ca.get(1).key()));
        dir.writeSecret(ISSUER_CERT, CertificateMaker.pem(ca.get(1).cert()));
        dir.writeSecret(CA_CERT, CertificateMaker.pem(ca.get(0).cert()));
        dir.deleteFile(CA_KEY); // a legacy root's key: nothing signs with it any more
        root = ca.get(0).cert();
        signer = ca.get(1);
        constraints = made;
        LOG.info("created the local certificate authority ({})", caFingerprint());
    }

    /** A CA that can sign a server certificate lasting at least {@link #RENEW_BEFORE}; else a new one. */
    private void ensureCaCanSign(LanAddresses.Names wanted) {
        Instant caEnd = signer.cert().getNotAfter().toInstant();
        if (signer.key() != null && !caEnd.isBefore(clock.instant().plus(RENEW_BEFORE))) {
            return;
        }
        LOG.warn(signer.key() == null
                ? "the local CA's signing key is not in this data directory (restored from a backup without it):"
                + " creating a new CA; every phone must install it again (Pair a phone)"
                : "the local CA expires soon: creating a new CA; every phone must install it again (Pair a phone)");
        newCa(wanted);
    }

    private void loadOrIssueServer(LanAddresses.Names wanted) {
        Optional<String> key = dir.readSecret(SERVER_KEY);
        Optional<String> cert = dir.readSecret(SERVER_CERT);
        if (key.isPresent() && cert.isPresent()) {
            X509Certificate c = CertificateMaker.readCert(cert.get());
            if (CertificateMaker.signedBy(c, signer.cert()) && covers(c, coverable(wanted)) && !nearExpiry(c)) {
                serverCert = c;
                keyManager.set(CertificateMaker.readKey(key.get()), chainFor(c));
                return;
            }
        }
        issueServer(wanted);
    }

    private void issueServer(LanAddresses.Names allWanted) {
        ensureCaCanSign(allWanted);
        LanAddresses.Names wanted = coverable(allWanted);
        Instant now = clock.instant();
        Instant until = now.plus(SERVER_VALIDITY);
        Instant caEnd = signer.cert().getNotAfter().toInstant();
        CertificateMaker.Signer server = CertificateMaker.server(signer, wanted, hostLabel(wanted), now,
                until.isBefore(caEnd) ? until : caEnd); // never outliving the CA, which clients would refuse
        dir.writeSecret(SERVER_KEY, CertificateMaker.pem(server.key()));
        dir.writeSecret(SERVER_CERT, CertificateMaker.pem(server.cert()));
        serverCert = server.cert();
        keyManager.set(server.key(), chainFor(server.cert()));
        LOG.info("issued a server certificate for {} {}", wanted.dnsNames(), wanted.ipAddresses());
    }

    private X509Certificate[] chainFor(X509Certificate server) {
        X509Certificate issuer = signer.cert();
        return issuer.equals(root) ? new X509Certificate[] {server, root}
                : new X509Certificate[] {server, issuer, root};
    }

    /** The names a server certificate may carry under the CA's constraints (all of them for a legacy CA). */
    private LanAddresses.Names coverable(LanAddresses.Names wanted) {
        CaNameConstraints c = constraints;
        if (c == null) {
            return wanted;
        }
        LanAddresses.Names ok = c.permittedPart(wanted);
        if (!ok.equals(wanted) && LOG.isDebugEnabled()) {
            LOG.debug("the server certificate leaves out names the local CA may not vouch for (public addresses or"
                    + " names): {} {}", difference(wanted.dnsNames(), ok.dnsNames()),
                    difference(wanted.ipAddresses(), ok.ipAddresses()));
        }
        return ok;
    }

    private static Set<String> difference(Set<String> all, Set<String> kept) {
        Set<String> d = new TreeSet<>(all);
        d.removeAll(kept);
        return d;
    }

    private boolean nearExpiry(X509Certificate c) {
        return c.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE));
    }

    /** True when the certificate's subject alternative names include every wanted name. */
    static boolean covers(X509Certificate c, LanAddresses.Names wanted) {
        return wanted.coveredBy(namesOf(c));
    }

    /** The DNS names and IP addresses a certificate covers. */
    public static LanAddresses.Names namesOf(X509Certificate c) {
        Set<String> dns = new TreeSet<>();
        Set<String> ips = new TreeSet<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    String value = String.valueOf(san.get(1));
                    if (type == GeneralName.dNSName) {
                        dns.add(value);
                    } else if (type == GeneralName.iPAddress) {
                        ips.add(LanAddresses.text(InetAddress.getByName(value)));
                    }
                }
            }
        } catch (CertificateParsingException | UnknownHostException e) {
            // unreadable names: treat as covering nothing
        }
        return new LanAddresses.Names(dns, ips);
    }

    /** The host name for certificate subjects (what the phone shows in its list of installed CAs). */
    private static String hostLabel(LanAddresses.Names names) {
        return names.dnsNames().stream().filter(n -> !n.equals("localhost")).findFirst().orElse("this computer")
                .replaceAll("[,+=<>#;\"\\\\]", "");
    }
}
