package app.smsdesk.gateway.mobile;

import app.smsdesk.gateway.auth.Secrets;
import app.smsdesk.gateway.domain.Device;
import app.smsdesk.gateway.domain.ForbiddenException;
import app.smsdesk.gateway.domain.SimCard;
import app.smsdesk.gateway.domain.TooManyRequestsException;
import app.smsdesk.gateway.domain.UnauthorizedException;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.service.AccountService;
import app.smsdesk.gateway.service.DeviceService;
import app.smsdesk.gateway.service.EventLogService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Who a phone is: registration (private token, Basic login or one-time code), device-token authentication,
 * the phone's own updates, login codes and password changes.
 *
 * <p>Unlike the reference server, registering with the private token does not create an account per phone: the
 * phone joins the primary account, which is what a small business wants. As the private token is a secret shared
 * by every phone and everyone who set one up, such a phone waits for the admin's approval in the console (unless
 * the admin switched approval off); a login or a one-time code from the console approves it at once (audit F2).
 */
public final class PhoneRegistry {
    static final int MAX_NAME = 128;
    static final int MAX_PUSH_TOKEN = 256;
    /** Phones have one or two SIM slots; the list is read on every request the phone makes. */
    static final int MAX_SIM_CARDS = 8;
    static final int MAX_SIM_FIELD = 64;

    private final DeviceService devices;
    private final AccountService accounts;
    private final Supplier<String> privateToken;
    private final BooleanSupplier phoneApproval;
    private final OneTimeCodes codes;
    private final RegistrationLimiter limiter;
    private final LastSeenTracker lastSeen;
    private final EventLogService log;
    private final Clock clock;

    /**
     * What a phone sends to register.
     *
     * @param authorization the Authorization header ({@code Bearer <private token>}, {@code Basic ...},
     *                      {@code Code <code>}), may be null
     * @param name "manufacturer/product"
     * @param pushToken FCM token, null or empty when the phone listens on SSE
     * @param simCards its SIM cards, may be null
     * @param userAgent the request's User-Agent
     * @param remoteAddress the caller's address (for the rate limit)
     */
    public record RegisterRequest(String authorization, String name, String pushToken, List<SimCard> simCards,
                                  String userAgent, String remoteAddress) {
    }

    /**
     * What the phone stores: its id and token, and the account login (password only for new accounts, which
     * SMSDesk never creates here, so it is always null).
     *
     * @param id device id
     * @param token device bearer token
     * @param login account login
     * @param password account password, or null
     */
    public record Registered(String id, String token, String login, String password) {
    }

    /**
     * A login code for another phone.
     *
     * @param code the code
     * @param validUntil when it expires
     */
    public record LoginCode(String code, Instant validUntil) {
    }

    PhoneRegistry(DeviceService devices, AccountService accounts, Supplier<String> privateToken,
                  BooleanSupplier phoneApproval, OneTimeCodes codes, RegistrationLimiter limiter,
                  LastSeenTracker lastSeen, EventLogService log, Clock clock) {
        this.devices = devices;
        this.accounts = accounts;
        this.privateToken = privateToken;
        this.phoneApproval = phoneApproval;
        this.codes = codes;
        this.limiter = limiter;
        this.lastSeen = lastSeen;
        this.log = log;
        this.clock = clock;
    }

    public Registered register(RegisterRequest r) {
        String ip = r.remoteAddress() == null ? "" : r.remoteAddress();
        Duration wait = limiter.tryAcquire(ip);
        if (!wait.isZero()) {
            log.warnAbout(ip, null, "devices", "phone registration rate-limited", Map.of("ip", ip));
            throw new TooManyRequestsException("too many registration attempts, try again later", wait);
        }
        Account account;
        try {
            account = account(r.authorization(), ip);
        } catch (UnauthorizedException e) {
            limiter.failed(ip);
            log.warnAbout(ip, null, "devices", "phone registration refused: " + e.getMessage(), Map.of("ip", ip));
            throw e;
        }
        String name = r.name() == null ? "" : r.name().strip();
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        checkPushToken(r.pushToken());
        checkSimCards(r.simCards());
        // The private token is a shared secret anyone who once saw it holds; a login, a password or a one-time
        // code from the console prove the admin's consent, so only the private token waits for approval (F2).
        boolean approved = !account.byPrivateToken() || !phoneApproval.getAsBoolean();
        DeviceService.Registration reg = devices.register(account.userId(), name, r.pushToken(), r.simCards(),
                AppVersion.versionString(r.userAgent()), approved);
        return new Registered(reg.device().id(), reg.token(), account.userId(), null);
    }

    /** The account a registration joins, and whether it proved itself with the private token only. */
    private record Account(String userId, boolean byPrivateToken) {
    }

    private Account account(String authorization, String ip) {
        if (authorization == null || authorization.isBlank()) {
            throw new UnauthorizedException("no credentials");
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).strip();
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic" -> {
                return new Account(basicLogin(value, ip), false);
            }
            case "code" -> {
                return new Account(codes.redeem(value)
                        .orElseThrow(() -> new UnauthorizedException("unknown or expired code")), false);
            }
            case "bearer" -> {
                if (!Secrets.constantTimeEquals(value, privateToken.get())) {
                    throw new UnauthorizedException("wrong private token");
                }
                return new Account(accounts.primaryUserId(), true);
            }
            default -> throw new UnauthorizedException("unsupported authorization scheme");
        }
    }

    private String basicLogin(String encoded, String ip) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException("malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new UnauthorizedException("malformed Basic credentials");
        }
        return accounts.verify(decoded.substring(0, colon), decoded.substring(colon + 1), ip);
    }

    /**
     * The phone holding the bearer token of an {@code Authorization} header, counted as seen now. Empty for a
     * missing, malformed or unknown token (the phone re-registers only on 401, so callers answer exactly that).
     */
    public Optional<Device> authenticate(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String h = authorization.strip();
        if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = h.substring(7).strip();
        if (token.isEmpty() || token.length() > 256) {
            return Optional.empty();
        }
        Optional<Device> device = devices.findByToken(token);
        device.ifPresent(d -> lastSeen.seen(d.rowId(), clock.instant()));
        return device;
    }

    /** {@code PATCH /device}: the phone's id must match its token; empty push token keeps the stored one. */
    public void update(Device device, String id, String pushToken, List<SimCard> simCards, String userAgent) {
        if (id == null || id.isEmpty()) {
            throw new ValidationException("id: is required");
        }
        if (!id.equals(device.id())) {
            throw new ForbiddenException("Forbidden");
        }
        checkPushToken(pushToken);
        checkSimCards(simCards);
        devices.update(device, pushToken, simCards, AppVersion.versionString(userAgent));
    }

    /** A one-time code for the console's pairing screen: a phone that signs in with it is approved at once. */
    public LoginCode codeFor(String userId) {
        OneTimeCodes.Code code = codes.issue(userId, OneTimeCodes.CONSOLE_TTL);
        log.info(userId, "devices", "login code issued by the console", Map.of());
        return new LoginCode(code.code(), code.validUntil());
    }

    /** {@code GET /user/code}: Basic login of the account, answered with a one-time code for another phone. */
    public LoginCode loginCode(String authorization, String remoteAddress) {
        String ip = remoteAddress == null ? "" : remoteAddress;
        Duration wait = limiter.tryAcquire(ip);
        if (!wait.isZero()) {
            throw new TooManyRequestsException("too many attempts, try again later", wait);
        }
        if (authorization == null || !authorization.strip().regionMatches(true, 0, "Basic ", 0, 6)) {
            limiter.failed(ip);
            throw new UnauthorizedException("Basic credentials required for a login code");
        }
        String userId;
        try {
            userId = basicLogin(authorization.strip().substring(6).strip(), ip);
        } catch (UnauthorizedException e) {
            limiter.failed(ip);
            throw e;
        }
        OneTimeCodes.Code code = codes.issue(userId);
        log.info(userId, "devices", "login code issued for another phone", Map.of());
        return new LoginCode(code.code(), code.validUntil());
    }

    /** {@code PATCH /user/password} from a phone: changes the password of the phone's account. */
    public void changePassword(Device device, String currentPassword, String newPassword, String remoteAddress) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw new ValidationException("currentPassword: is required");
        }
        accounts.changePassword(device.userId(), currentPassword, newPassword,
                remoteAddress == null ? "" : remoteAddress);
    }

    /** Writes the recorded last-seen times (called by the background job). */
    Map<Long, Instant> drainLastSeen() {
        return lastSeen.drain();
    }

    private static void checkSimCards(List<SimCard> simCards) {
        if (simCards == null) {
            return;
        }
        if (simCards.size() > MAX_SIM_CARDS) {
            throw new ValidationException("simCards: at most " + MAX_SIM_CARDS);
        }
        for (int i = 0; i < simCards.size(); i++) {
            SimCard c = simCards.get(i);
            if (c == null) {
                throw new ValidationException("simCards[" + i + "]: must be an object");
            }
            checkSimField(i, "phoneNumber", c.phoneNumber());
            checkSimField(i, "carrierName", c.carrierName());
            checkSimField(i, "iccid", c.iccid());
        }
    }

    private static void checkSimField(int index, String field, String value) {
        if (value != null && value.length() > MAX_SIM_FIELD) {
            throw new ValidationException("simCards[" + index + "]." + field + ": at most " + MAX_SIM_FIELD
                    + " characters");
        }
    }

    private static void checkPushToken(String pushToken) {
        if (pushToken != null && pushToken.length() > MAX_PUSH_TOKEN) {
            throw new ValidationException("pushToken: at most " + MAX_PUSH_TOKEN + " characters");
        }
    }
}
