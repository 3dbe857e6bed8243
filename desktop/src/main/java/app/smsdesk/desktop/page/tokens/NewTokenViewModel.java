package app.smsdesk.desktop.page.tokens;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.ui.Formats;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.GatewayOptions;
import app.smsdesk.gateway.domain.Scopes;
import app.smsdesk.gateway.service.TokenService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "New token" dialog: name, scopes grouped by resource (with the auth guide's one-line descriptions),
 * presets, a lifetime bounded by the gateway's maximum; after minting, the token (shown once) and a ready
 * curl example.
 */
public final class NewTokenViewModel extends ViewModel {
    /** Units of the lifetime picker. */
    public enum TtlUnit {
        MINUTES("minutes", 60), HOURS("hours", 3600), DAYS("days", 86_400);

        private final String label;
        private final long seconds;

        TtlUnit(String label, long seconds) {
            this.label = label;
            this.seconds = seconds;
        }

        public long seconds() {
            return seconds;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Quick choices of scopes. */
    public enum Preset {
        SEND_ONLY("Send only", List.of(Scopes.MESSAGES_SEND, Scopes.MESSAGES_READ)),
        READ_ONLY("Read only", List.of(Scopes.MESSAGES_READ, Scopes.MESSAGES_LIST, Scopes.INBOX_LIST,
                Scopes.DEVICES_LIST, Scopes.WEBHOOKS_LIST, Scopes.SETTINGS_READ, Scopes.LOGS_READ)),
        FULL_ACCESS("Full access", List.of(Scopes.ALL));

        private final String label;
        private final List<String> scopes;

        Preset(String label, List<String> scopes) {
            this.label = label;
            this.scopes = scopes;
        }

        public List<String> scopes() {
            return scopes;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One checkbox: a scope, the action word shown, its description, whether it is chosen. */
    public record ScopeOption(String scope, String action, String description, BooleanProperty selected) {
    }

    /** The scopes of one resource. */
    public record ScopeGroup(String title, List<ScopeOption> options) {
    }

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final GuardsFormModel guards = new GuardsFormModel();
    private final List<ScopeGroup> groups;
    private final Map<String, BooleanProperty> selection = new LinkedHashMap<>();
    private final IntegerProperty ttlAmount = new SimpleIntegerProperty(this, "ttlAmount", 1);
    private final ObjectProperty<TtlUnit> ttlUnit = new SimpleObjectProperty<>(this, "ttlUnit", TtlUnit.HOURS);
    private final ReadOnlyObjectWrapper<Duration> maxTtl = new ReadOnlyObjectWrapper<>(this, "maxTtl",
            Duration.ofDays(365));
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper ttlHint = new ReadOnlyStringWrapper(this, "ttlHint", "");
    private final ReadOnlyBooleanWrapper canMint = new ReadOnlyBooleanWrapper(this, "canMint", false);
    private final ReadOnlyObjectWrapper<TokenService.IssuedTokens> issued = new ReadOnlyObjectWrapper<>(this,
            "issued");
    private final ReadOnlyStringWrapper curlExample = new ReadOnlyStringWrapper(this, "curlExample", "");

    NewTokenViewModel(Console console) {
        super(console);
        this.groups = buildGroups();
        List<Observable> deps = new ArrayList<>(List.of(name, ttlAmount, ttlUnit, maxTtl));
        deps.addAll(selection.values());
        deps.forEach(d -> d.addListener(o -> validate()));
        validate();
    }

    private List<ScopeGroup> buildGroups() {
        Map<String, List<ScopeOption>> byResource = new LinkedHashMap<>();
        Scopes.REQUESTABLE.forEach((scope, description) -> {
            String resource = scope.substring(0, scope.indexOf(':'));
            String action = Scopes.ALL.equals(scope) ? "Full access" : scope.substring(scope.indexOf(':') + 1);
            BooleanProperty chosen = new SimpleBooleanProperty(this, scope, false);
            selection.put(scope, chosen);
            byResource.computeIfAbsent(resource, r -> new ArrayList<>())
                    .add(new ScopeOption(scope, action, description, chosen));
        });
        List<ScopeGroup> out = new ArrayList<>();
        byResource.forEach((resource, options) -> out.add(new ScopeGroup(title(resource), List.copyOf(options))));
        return List.copyOf(out);
    }

    private static String title(String resource) {
        return switch (resource) {
            case "all" -> "Everything";
            case "devices" -> "Phones";
            default -> Character.toUpperCase(resource.charAt(0)) + resource.substring(1);
        };
    }

    /** Reads the gateway's default and maximum lifetime and preselects the default. */
    public void load() {
        call("Could not read the token settings", () -> console.services().gatewaySettings().get(), this::apply);
    }

    private void apply(GatewayOptions o) {
        maxTtl.set(o.maxTokenTtl());
        long s = o.defaultTokenTtl().toSeconds();
        TtlUnit unit = s % TtlUnit.DAYS.seconds() == 0 ? TtlUnit.DAYS
                : s % TtlUnit.HOURS.seconds() == 0 ? TtlUnit.HOURS : TtlUnit.MINUTES;
        ttlUnit.set(unit);
        ttlAmount.set((int) Math.max(1, s / unit.seconds()));
    }

    public void applyPreset(Preset preset) {
        selection.forEach((scope, chosen) -> chosen.set(preset.scopes().contains(scope)));
    }

    public List<String> selectedScopes() {
        return selection.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }

    public long ttlSeconds() {
        return (long) ttlAmount.get() * ttlUnit.get().seconds();
    }

    private void validate() {
        String p = "";
        if (selectedScopes().isEmpty()) {
            p = "Choose at least one scope, or a preset.";
        } else if (ttlAmount.get() < 1) {
            p = "The lifetime must be at least 1 " + ttlUnit.get().label.replaceAll("s$", "") + ".";
        } else if (ttlSeconds() > maxTtl.get().toSeconds()) {
            p = "The gateway allows at most " + Formats.exact(maxTtl.get()) + " (Settings \u203a Gateway).";
        } else if (name.get() != null && name.get().strip().length() > TokenService.MAX_NAME_LENGTH) {
            p = "The name can have at most " + TokenService.MAX_NAME_LENGTH + " characters.";
        }
        problem.set(p);
        ttlHint.set("Up to " + Formats.exact(maxTtl.get()));
        canMint.set(p.isEmpty() && issued.get() == null);
    }

    /** Mints the token; afterwards {@link #issuedProperty()} holds it (the only time it is shown). */
    public void mint() {
        validate();
        if (!canMint.get()) {
            return;
        }
        app.smsdesk.gateway.domain.TokenGuards limits;
        try {
            limits = guards.build();
        } catch (app.smsdesk.gateway.domain.ValidationException e) {
            problem.set(e.getMessage());
            return;
        }
        TokenService.MintRequest request = new TokenService.MintRequest(selectedScopes(), ttlSeconds(),
                name.get() == null || name.get().isBlank() ? null : name.get().strip(), limits);
        call("Could not create the token", () -> console.services().tokens().mint(console.principal(), request),
                t -> {
                    curlExample.set(curl(console.gateway().apiUrl(), t.accessToken(), t.access().scopes()));
                    issued.set(t);
                    canMint.set(false);
                });
    }

    /** A command that uses the token for something its scopes allow. */
    static String curl(String api, String token, List<String> scopes) {
        Set<String> s = Set.copyOf(scopes);
        String auth = "  -H \"Authorization: Bearer " + token + "\"";
        if (s.contains(Scopes.ALL) || s.contains(Scopes.MESSAGES_SEND)) {
            return "# Put your own mobile number in place of +15555550123, then run:\n"
                    + "curl -X POST \"" + api + "/messages\" \\\n" + auth + " \\\n"
                    + "  -H \"Content-Type: application/json\" \\\n"
                    + "  -d '{\"textMessage\":{\"text\":\"Hello from SMSDesk\"},\"phoneNumbers\":[\"+15555550123\"]}'";
        }
        String path = s.contains(Scopes.MESSAGES_LIST) ? "/messages"
                : s.contains(Scopes.DEVICES_LIST) ? "/devices"
                : s.contains(Scopes.INBOX_LIST) ? "/inbox"
                : s.contains(Scopes.WEBHOOKS_LIST) ? "/webhooks"
                : s.contains(Scopes.SETTINGS_READ) ? "/settings"
                : s.contains(Scopes.LOGS_READ) ? "/logs"
                : s.contains(Scopes.TOKENS_MANAGE) ? "/auth/tokens"
                : s.contains(Scopes.MESSAGES_READ) ? "/messages/MESSAGE_ID"
                : null;
        if (path == null) {
            return "curl -X POST \"" + api + "/inbox/refresh\" \\\n" + auth + " \\\n"
                    + "  -H \"Content-Type: application/json\" -d '{}'";
        }
        return "curl \"" + api + path + "\" \\\n" + auth;
    }

    public void copyToken() {
        if (issued.get() != null) {
            console.clipboard().copy(issued.get().accessToken());
        }
    }

    public void copyRefreshToken() {
        if (issued.get() != null) {
            console.clipboard().copy(issued.get().refreshToken());
        }
    }

    public void copyCurl() {
        console.clipboard().copy(curlExample.get());
    }

    public String issuedSummary() {
        TokenService.IssuedTokens t = issued.get();
        if (t == null) {
            return "";
        }
        return "ID " + t.access().jti() + " \u00b7 expires " + Formats.dateTime(t.access().expiresAt(), console.zone())
                + " (" + Formats.relative(t.access().expiresAt(), console.now()) + ")";
    }

    public List<ScopeGroup> groups() {
        return groups;
    }

    public BooleanProperty scope(String scope) {
        return selection.get(scope);
    }

    /** The optional guards (limits) of the new token. */
    public GuardsFormModel guards() {
        return guards;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public IntegerProperty ttlAmountProperty() {
        return ttlAmount;
    }

    public ObjectProperty<TtlUnit> ttlUnitProperty() {
        return ttlUnit;
    }

    public ReadOnlyObjectProperty<Duration> maxTtlProperty() {
        return maxTtl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ttlHintProperty() {
        return ttlHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canMintProperty() {
        return canMint.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TokenService.IssuedTokens> issuedProperty() {
        return issued.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty curlExampleProperty() {
        return curlExample.getReadOnlyProperty();
    }
}
