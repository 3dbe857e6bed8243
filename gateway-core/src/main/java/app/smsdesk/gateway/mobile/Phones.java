package app.smsdesk.gateway.mobile;

import app.smsdesk.gateway.service.AccountService;
import app.smsdesk.gateway.service.DeviceEvents;
import app.smsdesk.gateway.service.DeviceService;
import app.smsdesk.gateway.service.EventLogService;
import app.smsdesk.gateway.service.InboxService;
import app.smsdesk.gateway.service.SettingsService;
import app.smsdesk.gateway.store.DeviceStore;
import app.smsdesk.gateway.store.MessageStore;
import app.smsdesk.gateway.store.UserStore;
import app.smsdesk.gateway.store.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The phone protocol's parts, wired together: registration and device auth, message sync, webhooks and settings
 * for phones, the inbound webhook receiver and the SSE hub. The mobile HTTP handlers call these.
 */
public final class Phones implements AutoCloseable {
    /** Registration attempts allowed per client address and minute (failed ones: far fewer). */
    static final int MAX_REGISTRATIONS_PER_MINUTE = 60;
    static final int MAX_FAILED_REGISTRATIONS_PER_MINUTE = 5;
    /** Failed registrations a minute from all addresses together (audit F17). */
    static final int MAX_FAILED_REGISTRATIONS_PER_MINUTE_OVERALL = 50;

    private final PhoneRegistry registry;
    private final MessageSync sync;
    private final PhoneConfig config;
    private final InboundWebhooks inbound;
    private final SseHub hub;
    private final DeviceStore deviceStore;

    /** The stores and services the phone side works with. */
    public record Deps(DeviceStore deviceStore, MessageStore messageStore, WebhookStore webhookStore,
                       UserStore userStore, DeviceService devices, AccountService accounts, SettingsService settings,
                       InboxService inbox, DeviceEvents deviceEvents, EventLogService log,
                       Supplier<String> privateToken, BooleanSupplier phoneApproval, Clock clock) {
    }

    public Phones(Deps d) {
        this.deviceStore = d.deviceStore();
        RegistrationLimiter limiter = new RegistrationLimiter(d.clock(), Duration.ofMinutes(1),
                MAX_REGISTRATIONS_PER_MINUTE, MAX_FAILED_REGISTRATIONS_PER_MINUTE,
                MAX_FAILED_REGISTRATIONS_PER_MINUTE_OVERALL);
        this.registry = new PhoneRegistry(d.devices(), d.accounts(), d.privateToken(), d.phoneApproval(),
                new OneTimeCodes(d.clock()),
                limiter, new LastSeenTracker(), d.log(), d.clock());
        this.sync = new MessageSync(d.messageStore(), d.log(), d.clock());
        this.config = new PhoneConfig(d.webhookStore(), d.settings(), d.userStore(), d.deviceStore(), d.clock());
        this.inbound = new InboundWebhooks(d.devices(), config, d.inbox(), sync, d.log(), d.clock());
        this.hub = new SseHub(SseHub.KEEP_ALIVE);
        d.deviceEvents().addListener(hub);
    }

    public PhoneRegistry registry() {
        return registry;
    }

    public MessageSync sync() {
        return sync;
    }

    public PhoneConfig config() {
        return config;
    }

    public InboundWebhooks inbound() {
        return inbound;
    }

    public SseHub hub() {
        return hub;
    }

    /** Writes the phones' last-seen times collected in memory (the background job calls this). */
    public void flushLastSeen() {
        deviceStore.touch(registry.drainLastSeen());
    }

    @Override
    public void close() {
        hub.close();
    }
}
