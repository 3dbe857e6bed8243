package app.smsdesk.gateway.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/** Serves one server key and chain that can be replaced while the listener runs (certificate renewal). */
final class SwappableKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "smsdesk";

    private record Material(PrivateKey key, X509Certificate[] chain) {
    }

    private final AtomicReference<Material> current = new AtomicReference<>();

    void set(PrivateKey key, X509Certificate[] chain) {
        current.set(new Material(key, chain.clone()));
    }

    private String alias(String keyType) {
        Material m = current.get();
        return m != null && (keyType == null || keyType.startsWith(m.key().getAlgorithm())) ? ALIAS : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return alias(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return alias(keyType);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        String a = alias(keyType);
        return a == null ? null : new String[] {a};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Material m = current.get();
        return ALIAS.equals(alias) && m != null ? m.chain().clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Material m = current.get();
        return ALIAS.equals(alias) && m != null ? m.key() : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
