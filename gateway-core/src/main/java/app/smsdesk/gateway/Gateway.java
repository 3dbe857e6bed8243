package app.smsdesk.gateway;

import app.smsdesk.gateway.auth.Authenticator;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.auth.BasicAuthenticator;
import app.smsdesk.gateway.auth.JwtCodec;
import app.smsdesk.gateway.auth.LoginThrottle;
import app.smsdesk.gateway.auth.PasswordHasher;
import app.smsdesk.gateway.auth.KnownTokens;
import app.smsdesk.gateway.auth.Secrets;
import app.smsdesk.gateway.auth.TokenUsageTracker;
import app.smsdesk.gateway.http.DeviceHandlers;
import app.smsdesk.gateway.http.HealthHandlers;
import app.smsdesk.gateway.http.HttpGateway;
import app.smsdesk.gateway.http.InboxHandlers;
import app.smsdesk.gateway.http.LogHandlers;
import app.smsdesk.gateway.http.MessageHandlers;
import app.smsdesk.gateway.http.MobileHandlers;
import app.smsdesk.gateway.http.PairingHandlers;
import app.smsdesk.gateway.http.Route;
import app.smsdesk.gateway.http.RouteTable;
import app.smsdesk.gateway.http.SettingsHandlers;
import app.smsdesk.gateway.http.TokenHandlers;
import app.smsdesk.gateway.http.WebhookHandlers;
import app.smsdesk.gateway.mobile.PairingService;
import app.smsdesk.gateway.mobile.Phones;
import app.smsdesk.gateway.service.PrivateTokenService;
import app.smsdesk.gateway.service.AccountService;
import app.smsdesk.gateway.service.BackupService;
import app.smsdesk.gateway.service.DeviceEvents;
import app.smsdesk.gateway.service.DeviceService;
import app.smsdesk.gateway.service.EventLogService;
import app.smsdesk.gateway.service.GatewaySettingsService;
import app.smsdesk.gateway.service.HealthService;
import app.smsdesk.gateway.service.InboxService;
import app.smsdesk.gateway.service.MessageService;
import app.smsdesk.gateway.service.SettingsService;
import app.smsdesk.gateway.service.TokenService;
import app.smsdesk.gateway.service.WebhookService;
import app.smsdesk.gateway.store.DataDir;
import app.smsdesk.gateway.store.Database;
import app.smsdesk.gateway.store.DeviceStore;
import app.smsdesk.gateway.store.EventLogStore;
import app.smsdesk.gateway.store.InboxStore;
import app.smsdesk.gateway.store.KeyValueStore;
import app.smsdesk.gateway.store.MessageStore;
import app.smsdesk.gateway.store.TokenStore;
import app.smsdesk.gateway.store.GuardStore;
import app.smsdesk.gateway.store.AuditStore;
import app.smsdesk.gateway.auth.TokenGuardBook;
import app.smsdesk.gateway.store.UserSettingsStore;
import app.smsdesk.gateway.store.UserStore;
import app.smsdesk.gateway.store.WebhookStore;
import app.smsdesk.gateway.tls.LanAddresses;
import app.smsdesk.gateway.tls.LocalCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the data directory and database, wires stores, auth and services by constructor,
 * starts the HTTP server and the background jobs. Used by the headless launcher and embedded by the console.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    static final String JWT_KEY_FILE = "jwt-hs256.key";
    static final String PRIVATE_TOKEN_FILE = PrivateTokenService.FILE;

    private final GatewayConfig config;
    private final Database db;
    private final Services services;
    private final HttpGateway http;
    private final ScheduledExecutorService jobs;
    private final FirstRun firstRun;
    private final LocalCertificates certificates;

    /**
     * Secrets generated on this start, to be shown once (null when given or already present).
     *
     * @param adminPassword generated admin password, or null
     * @param privateToken generated private token, or null
     */
    public record FirstRun(String adminPassword, String privateToken) {
        public boolean isEmpty() {
            return adminPassword == null && privateToken == null;
        }
    }

    private Gateway(GatewayConfig given) {
        // Millisecond ticks: the store keeps milliseconds, so what a call returns equals what a later read sees.
        this.config = given.withClock(Clock.tick(given.clock(), Duration.ofMillis(1)));
        GatewayConfig config = this.config;
        config.weakSecret().ifPresent(reason -> {
            throw new ValidationException(reason);
        });
        DataDir dir = new DataDir(config.dataDir());
        this.db = new Database(dir.databaseFile());
        // Point reads are answered on the HTTP I/O threads (HttpGateway), which must never wait for a reader.
        db.giveOwnReaderTo(t -> t instanceof org.xnio.XnioIoThread);
        try {
            this.certificates = config.httpsPort() == GatewayConfig.HTTPS_OFF ? null
                    : LocalCertificates.open(dir, config.clock());
            byte[] jwtKey = loadOrCreateJwtKey(dir);
            String generatedToken = null;
            Optional<String> storedToken = dir.readSecret(PRIVATE_TOKEN_FILE);
            if (storedToken.isEmpty()) {
                String token = config.privateToken() != null ? config.privateToken() : Secrets.randomBase64Url(24);
                dir.writeSecret(PRIVATE_TOKEN_FILE, token);
                generatedToken = config.privateToken() != null ? null : token;
                storedToken = Optional.of(token);
            }
            this.services = wire(jwtKey, dir, storedToken.get());
            String generatedPassword = services.accounts()
                    .ensurePrimary(config.adminUsername(), config.adminPassword()).orElse(null);
            this.firstRun = new FirstRun(generatedPassword, generatedToken);
            if (config.jwtEnabled() != null && config.jwtEnabled() != services.gatewaySettings().jwtEnabled()) {
                services.gatewaySettings().update(services.gatewaySettings().get()
                        .withJwtEnabled(config.jwtEnabled()), "command line");
            }
            if (config.phoneApproval() != null
                    && config.phoneApproval() != services.gatewaySettings().get().phoneApproval()) {
                services.gatewaySettings().update(services.gatewaySettings().get()
                        .withPhoneApproval(config.phoneApproval()), "command line");
            }
            services.tokens().loadKnownTokens();
            this.http = startHttp();
            this.jobs = startJobs();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens the data directory, migrates the database, creates the primary account and starts listening. */
    public static Gateway start(GatewayConfig config) {
        refuseClientRenegotiation();
        return new Gateway(config);
    }

    /**
     * A TLS 1.2 client may ask to renegotiate as often as it likes, each time costing a handshake of CPU; the
     * phones never do. The JDK reads this setting when its TLS classes load, so the launchers set it first thing
     * too; here it is a best effort for embedders.
     */
    public static void refuseClientRenegotiation() {
        System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
    }

    private TokenUsageTracker usage;
    private Authenticator authenticator;
    private Phones phones;

    private Services wire(byte[] jwtKey, DataDir dir, String privateToken) {
        var clock = config.clock();
        UserStore users = new UserStore(db);
        DeviceStore deviceStore = new DeviceStore(db);
        EventLogService events = new EventLogService(new EventLogStore(db), users, clock, new AuditStore(db));
        GatewaySettingsService gatewaySettings = new GatewaySettingsService(new KeyValueStore(db), events);
        PrivateTokenService privateTokens = new PrivateTokenService(dir, privateToken, events);
        PasswordHasher hasher = new PasswordHasher();
        // Only existing accounts are named in the log: an unknown "login" is often a password in the wrong field.
        LoginThrottle throttle = new LoginThrottle(clock,
                login -> users.exists(login) ? "'" + login + "'" : "an unknown login",
                (message, context) -> events.warn(null, "auth", message, context));
        BasicAuthenticator basic = new BasicAuthenticator(users, hasher, throttle, clock);
        JwtCodec jwt = new JwtCodec(jwtKey, "smsdesk", clock);
        KnownTokens known = new KnownTokens(clock);
        usage = new TokenUsageTracker();
        TokenGuardBook guards = new TokenGuardBook();
        authenticator = new Authenticator(basic, jwt, known, usage, gatewaySettings::jwtEnabled, users::exists,
                clock, guards);
        TokenService tokens = new TokenService(new TokenStore(db), jwt, basic, known, usage,
                gatewaySettings, events, clock, authenticator.refusals(), new GuardStore(db), guards);
        DeviceEvents deviceEvents = new DeviceEvents(deviceStore);
        MessageStore messageStore = new MessageStore(db);
        WebhookStore webhookStore = new WebhookStore(db);
        AccountService accounts = new AccountService(users, hasher, basic, tokens, events, clock);
        DeviceService devices = new DeviceService(deviceStore, deviceEvents, events, clock);
        SettingsService settings = new SettingsService(new UserSettingsStore(db), deviceEvents, events, clock);
        InboxService inbox = new InboxService(new InboxStore(db), deviceEvents, events, clock);
        phones = new Phones(new Phones.Deps(deviceStore, messageStore, webhookStore, users, devices, accounts,
                settings, inbox, deviceEvents, events, privateTokens::current,
                () -> gatewaySettings.get().phoneApproval(), clock));
        return new Services(
                accounts,
                tokens,
                new MessageService(messageStore, deviceStore, deviceEvents, gatewaySettings, events, clock,
                        guards),
                devices,
                new WebhookService(webhookStore, deviceStore, deviceEvents, events, clock),
                settings,
                inbox,
                events, gatewaySettings, new HealthService(db, version()), deviceEvents,
                new PairingService(certificates, privateTokens::current, this::caPort, this::port, this::httpsPort,
                        phones),
                new BackupService(dir, this::flushUsage, events, version(), clock), privateTokens);
    }

    private HttpGateway startHttp() {
        HealthHandlers health = new HealthHandlers(services.health());
        RouteTable.Handlers handlers = new RouteTable.Handlers(health,
                new TokenHandlers(services.tokens(), config.clock()),
                new MessageHandlers(services.messages()),
                new InboxHandlers(services.inbox()),
                new DeviceHandlers(services.devices()),
                new WebhookHandlers(services.webhooks()),
                new SettingsHandlers(services.settings()),
                new LogHandlers(services.events()));
        List<Route> root = new ArrayList<>(RouteTable.health(health));
        root.addAll(RouteTable.pairing(new PairingHandlers(services.pairing())));
        HttpGateway server = new HttpGateway(RouteTable.thirdParty(handlers),
                RouteTable.mobile(new MobileHandlers(phones, config.clock())), root,
                authenticator, phones.registry()::authenticate, services.events(),
                new HttpGateway.HostNames(LanAddresses::current, config.allowedHosts()));
        boolean https = certificates != null;
        server.start(new HttpGateway.Endpoints(config.host(), config.port(), config.httpsHost(),
                https ? config.httpsPort() : -1, https ? config.caPort() : -1),
                https ? certificates.sslContext() : null);
        if (config.plainHttpOnNetwork()) {
            LOG.warn("the API listens on {} over plain HTTP: passwords and tokens cross the network in clear;"
                    + " phones and other computers should use HTTPS", config.host());
        }
        return server;
    }

    private ScheduledExecutorService startJobs() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gateway-jobs");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(this::flushUsage, 5, 5, TimeUnit.SECONDS);
        s.scheduleWithFixedDelay(this::applyRetention, 1, Duration.ofHours(6).toMinutes(), TimeUnit.MINUTES);
        // The event log's count limit is checked more often: a flood can add entries faster than every 6 hours.
        s.scheduleWithFixedDelay(this::applyLogRetention, 10, 10, TimeUnit.MINUTES);
        if (certificates != null) {
            s.scheduleWithFixedDelay(this::renewCertificate, 5, 5, TimeUnit.MINUTES);
        }
        s.scheduleWithFixedDelay(this::refreshHostNames, 30, 30, TimeUnit.SECONDS);
        return s;
    }

    private void flushUsage() {
        try {
            services.tokens().flushUsage();
        } catch (RuntimeException e) {
            LOG.warn("flushing token usage failed", e);
        }
        try {
            phones.flushLastSeen();
        } catch (RuntimeException e) {
            LOG.warn("flushing phones' last-seen times failed", e);
        }
    }

    /** A laptop moves between networks: keep the server certificate covering its current addresses. */
    private void renewCertificate() {
        try {
            certificates.refresh();
        } catch (RuntimeException e) {
            LOG.warn("renewing the server certificate failed", e);
        }
    }

    /** The Host names requests may give follow the computer's addresses (DNS rebinding protection). */
    private void refreshHostNames() {
        try {
            http.refreshHostNames();
        } catch (RuntimeException e) {
            LOG.warn("reading this computer's addresses failed", e);
        }
    }

    private void applyRetention() {
        applyLogRetention();
        int days = services.gatewaySettings().get().messageRetentionDays();
        if (days <= 0) {
            return;
        }
        try {
            int deleted = new MessageStore(db).deleteFinishedBefore(config.clock().instant()
                    .minus(Duration.ofDays(days)));
            if (deleted > 0) {
                LOG.info("retention removed {} finished messages older than {} days", deleted, days);
            }
        } catch (RuntimeException e) {
            LOG.warn("retention job failed", e);
        }
    }

    /** The event log keeps the settings' number of days and of entries (whichever is fewer). */
    private void applyLogRetention() {
        var o = services.gatewaySettings().get();
        try {
            int deleted = services.events().applyRetention(o.logRetentionDays(), o.logRetentionEntries());
            if (deleted > 0) {
                LOG.info("event log retention removed {} entries (keeping {} days, at most {} entries)", deleted,
                        o.logRetentionDays(), o.logRetentionEntries());
            }
        } catch (RuntimeException e) {
            LOG.warn("event log retention failed", e);
        }
    }

    private static byte[] loadOrCreateJwtKey(DataDir dir) {
        // Generated per installation and never shipped: HS256 keys must not be shared between installs.
        Optional<String> stored = dir.readSecret(JWT_KEY_FILE);
        if (stored.isPresent()) {
            return Base64.getDecoder().decode(stored.get());
        }
        byte[] key = Secrets.randomBytes(64);
        dir.writeSecret(JWT_KEY_FILE, Base64.getEncoder().encodeToString(key));
        return key;
    }

    /** The build's version (from the jar), or "dev". */
    public static String version() {
        try (InputStream in = Gateway.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    public Services services() {
        return services;
    }

    /** The phone side (mobile API internals: registry, sync, SSE hub). */
    public Phones phones() {
        return phones;
    }

    public FirstRun firstRun() {
        return firstRun;
    }

    /** The phones' registration key (private token). */
    public String privateToken() {
        return services.privateTokens().current();
    }

    public int port() {
        return http == null ? config.port() : http.port();
    }

    /** The HTTPS port, or -1 when HTTPS is off. */
    public int httpsPort() {
        return http == null ? config.httpsPort() : http.httpsPort();
    }

    /** The port that serves only the CA certificate over plain HTTP, or -1 when there is none. */
    public int caPort() {
        return http == null ? config.caPort() : http.caPort();
    }

    /** The local CA and server certificate, or null when HTTPS is off. */
    public LocalCertificates certificates() {
        return certificates;
    }

    public GatewayConfig config() {
        return config;
    }

    /** The URL to reach the API on this machine. */
    public String localUrl() {
        String host = "0.0.0.0".equals(config.host()) || "::".equals(config.host()) ? "127.0.0.1" : config.host();
        return "http://" + host + ":" + port();
    }

    /** The HTTPS URL on this machine, or null when HTTPS is off. */
    public String localHttpsUrl() {
        if (httpsPort() < 0) {
            return null;
        }
        String host = "0.0.0.0".equals(config.httpsHost()) || "::".equals(config.httpsHost()) ? "127.0.0.1"
                : config.httpsHost();
        return "https://" + host + ":" + httpsPort();
    }

    @Override
    public void close() {
        jobs.shutdownNow();
        phones.close();
        http.close();
        flushUsage();
        db.close();
    }
}
