package app.smsdesk.gateway.http;

import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Sequence;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;
import org.xnio.ssl.SslConnection;

/**
 * The server's sockets, set up as {@code Undertow.start()} does, with one difference: each accepted connection
 * passes {@link ConnectionLimits} before Undertow sees it, which the Undertow builder offers no place for. Each
 * listener has its own root handler (the API, or the CA download alone).
 */
final class Listeners implements AutoCloseable {
    private final Xnio xnio = Xnio.getInstance(Listeners.class.getClassLoader());
    private final XnioWorker worker;
    private final ByteBufferPool buffers = new DefaultByteBufferPool(true, 16 * 1024, -1, 4);
    private final OptionMap socketOptions;
    private final OptionMap undertowOptions;
    private final ConnectionLimits limits;
    private final List<AcceptingChannel<? extends StreamConnection>> channels = new ArrayList<>();

    Listeners(int workerThreads, OptionMap serverOptions, ConnectionLimits limits) {
        int ioThreads = Math.max(Runtime.getRuntime().availableProcessors(), 2);
        try {
            this.worker = xnio.createWorker(OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, ioThreads)
                    .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                    .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                    .set(Options.WORKER_TASK_CORE_THREADS, workerThreads)
                    .set(Options.WORKER_TASK_MAX_THREADS, workerThreads)
                    .set(Options.TCP_NODELAY, true)
                    .set(Options.CORK, true)
                    .getMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server's threads", e);
        }
        this.socketOptions = OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.TCP_NODELAY, true)
                .set(Options.REUSE_ADDRESSES, true)
                .set(Options.BALANCING_TOKENS, 1)
                .set(Options.BALANCING_CONNECTIONS, 2)
                .set(Options.BACKLOG, 1000)
                .getMap();
        this.undertowOptions = OptionMap.builder().set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                .addAll(serverOptions).getMap();
        this.limits = limits;
    }

    ConnectionLimits limits() {
        return limits;
    }

    /** A plain-HTTP listener; returns its port. */
    int addHttp(String host, int port, HttpHandler root) {
        HttpOpenListener open = new HttpOpenListener(buffers, undertowOptions);
        open.setRootHandler(root);
        ChannelListener<AcceptingChannel<StreamConnection>> accept =
                ChannelListeners.openListenerAdapter(limits.guard(open, true));
        try {
            AcceptingChannel<StreamConnection> server = worker.createStreamConnectionServer(address(host, port),
                    accept, socketOptions);
            return started(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
    }

    /** An HTTPS listener; returns its port. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    int addHttps(String host, int port, SSLContext tls, HttpHandler root) {
        HttpOpenListener open = new HttpOpenListener(buffers, undertowOptions);
        open.setRootHandler(root);
        ChannelListener<AcceptingChannel<SslConnection>> accept =
                ChannelListeners.openListenerAdapter(limits.guard(open, false));
        try {
            UndertowXnioSsl ssl = new UndertowXnioSsl(xnio, OptionMap.create(Options.USE_DIRECT_BUFFERS, true), tls);
            AcceptingChannel<SslConnection> server = ssl.createSslConnectionServer(worker, address(host, port),
                    (ChannelListener) accept, OptionMap.builder().addAll(socketOptions)
                            .set(Options.SSL_ENABLED_PROTOCOLS, Sequence.of("TLSv1.3", "TLSv1.2"))
                            .set(Options.SSL_ENABLED_CIPHER_SUITES, Sequence.of(aeadSuites(tls)))
                            .getMap());
            return started(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
    }

    /**
     * TLS 1.2 and 1.3 with AEAD suites only (GCM, ChaCha20-Poly1305): no CBC with SHA-1, whose padding oracles
     * are the old weak point. Every Android version the app supports (5+) offers ECDHE-ECDSA with AES-GCM.
     */
    static java.util.List<String> aeadSuites(SSLContext tls) {
        return java.util.Arrays.stream(tls.getSupportedSSLParameters().getCipherSuites())
                .filter(s -> s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_")
                        || (s.startsWith("TLS_ECDHE_") && (s.contains("_GCM_") || s.contains("_CHACHA20_"))))
                .toList();
    }

    private int started(AcceptingChannel<? extends StreamConnection> server) {
        server.resumeAccepts();
        channels.add(server);
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    private static InetSocketAddress address(String host, int port) throws IOException {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    @Override
    public void close() {
        channels.forEach(IoUtils::safeClose);
        channels.clear();
        worker.shutdownNow();
    }
}
