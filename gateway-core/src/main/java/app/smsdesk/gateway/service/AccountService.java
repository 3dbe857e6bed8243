package app.smsdesk.gateway.service;

import app.smsdesk.gateway.auth.BasicAuthenticator;
import app.smsdesk.gateway.auth.PasswordHasher;
import app.smsdesk.gateway.auth.Secrets;
import app.smsdesk.gateway.domain.ConflictException;
import app.smsdesk.gateway.domain.NotFoundException;
import app.smsdesk.gateway.domain.UnauthorizedException;
import app.smsdesk.gateway.domain.ValidationException;
import app.smsdesk.gateway.store.UserStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Accounts: the primary account created on first start, logins, password changes. */
public final class AccountService {
    public static final int MIN_PASSWORD_LENGTH = 14;

    private final UserStore users;
    private final PasswordHasher hasher;
    private final BasicAuthenticator basic;
    private final TokenService tokens;
    private final EventLogService log;
    private final Clock clock;

    public AccountService(UserStore users, PasswordHasher hasher, BasicAuthenticator basic, TokenService tokens,
                          EventLogService log, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.basic = basic;
        this.tokens = tokens;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Creates the primary account if there is none. Returns the generated password when one had to be made up
     * (the caller shows it once; only its hash is stored).
     */
    public Optional<String> ensurePrimary(String username, String password) {
        if (users.primaryUserId().isPresent()) {
            return Optional.empty();
        }
        String effective = password != null ? password : Secrets.password(20);
        if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
            throw new ValidationException("SMSDESK_ADMIN_PASSWORD: at least " + MIN_PASSWORD_LENGTH
                    + " characters are required");
        }
        users.create(username, hasher.hash(effective), true, clock.instant());
        log.info(username, "accounts", "primary account created", Map.of("login", username));
        return password == null ? Optional.of(effective) : Optional.empty();
    }

    /**
     * Creates a further (non-primary) account. The reference server's data model is per account; SMSDesk mostly
     * uses the primary one, but other accounts work the same way.
     */
    public void createAccount(String login, String password) {
        if (login == null || !login.matches("[A-Za-z0-9_.@-]{1,32}")) {
            throw new ValidationException("login: 1 to 32 letters, digits or _ . @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new ValidationException("password: at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (users.exists(login)) {
            throw new ConflictException("login: an account '" + login + "' exists");
        }
        users.create(login, hasher.hash(password), false, clock.instant());
        log.info(login, "accounts", "account created", Map.of("login", login));
    }

    /**
     * Deletes a further account with everything it owns; its tokens stop working at once and, since the account
     * is gone, after a restart too. The primary account cannot be deleted.
     */
    public void deleteAccount(String login) {
        if (login == null || !users.exists(login)) {
            throw new NotFoundException("account not found");
        }
        if (login.equals(primaryUserId())) {
            throw new ConflictException("the primary account cannot be deleted");
        }
        tokens.revokeEverything(login, "account deleted");
        users.delete(login);
        basic.forget(login);
        log.info(null, "accounts", "account deleted", Map.of("login", login));
    }

    public String primaryUserId() {
        return users.primaryUserId().orElseThrow(() -> new IllegalStateException("no primary account"));
    }

    /** Checks a login at the console's sign-in (throttled like a network client). */
    public String verify(String login, String password) {
        return verify(login, password, BasicAuthenticator.IN_PROCESS);
    }

    /** Checks a login sent from {@code clientAddress} (the phones' Basic registration and login codes). */
    public String verify(String login, String password, String clientAddress) {
        return basic.check(login, password, clientAddress);
    }

    /** Replaces the password after checking the current one, and revokes every JWT of the account (console). */
    public void changePassword(String userId, String currentPassword, String newPassword) {
        changePassword(userId, currentPassword, newPassword, BasicAuthenticator.IN_PROCESS);
    }

    /**
     * As {@link #changePassword(String, String, String)} for a request from {@code clientAddress}: the current
     * password is checked like a login, so guessing it is throttled like guessing a login.
     */
    public void changePassword(String userId, String currentPassword, String newPassword, String clientAddress) {
        if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new ValidationException("newPassword: at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (!users.exists(userId)) {
            throw new UnauthorizedException("unknown account");
        }
        try {
            basic.check(userId, currentPassword == null ? "" : currentPassword, clientAddress);
        } catch (UnauthorizedException e) {
            throw new UnauthorizedException("failed to change password");
        }
        users.updatePassword(userId, hasher.hash(newPassword), clock.instant());
        basic.forget(userId);
        tokens.revokeEverything(userId, "password changed");
        log.audit(userId, clientAddress.equals(BasicAuthenticator.IN_PROCESS) ? "console:" + userId : "basic:" + userId,
                clientAddress.equals(BasicAuthenticator.IN_PROCESS) ? "console" : clientAddress, "accounts",
                "password changed", Map.of("login", userId));
    }
}
