package app.smsdesk.desktop.page.tokens;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.Refusal;
import app.smsdesk.gateway.domain.TokenInfo;
import app.smsdesk.gateway.service.TokenService;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The token inventory: every JWT the account issued with its name, scopes, expiry and use, filtered and
 * searched; revocation of selected tokens or a pasted id; the refresh chain of the selected token.
 */
public final class TokensViewModel extends ViewModel {
    static final Duration LIVE_PERIOD = Duration.ofSeconds(15);

    /** Which tokens the table shows. */
    public enum StatusFilter {
        ALL("All"), ACTIVE("Active"), EXPIRED("Expired"), REVOKED("Revoked");

        private final String label;

        StatusFilter(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObservableList<TokenRow> rows = FXCollections.observableArrayList();
    private final FilteredList<TokenRow> visible = new FilteredList<>(rows);
    private final ObservableList<TokenRow> chain = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<StatusFilter> status = new SimpleObjectProperty<>(this, "status", StatusFilter.ALL);
    private final BooleanProperty showRefreshTokens = new SimpleBooleanProperty(this, "showRefreshTokens", false);
    private final ObjectProperty<TokenRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<Refusal> refusals = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TokenService.IssuedTokens> rolled = new ReadOnlyObjectWrapper<>(this,
            "rolled");
    private TaskRunner.Cancellable live;

    public TokensViewModel(Console console) {
        super(console);
        search.addListener((o, a, b) -> applyFilter());
        status.addListener((o, a, b) -> applyFilter());
        showRefreshTokens.addListener((o, a, b) -> applyFilter());
        selected.addListener((o, a, b) -> {
            updateChain();
            if (b == null || a == null || !a.jti().equals(b.jti())) {
                loadRefusals(b);
                loadGuards(b);
            }
        });
        applyFilter();
    }

    /** Loads now and then every few seconds (use counts and "last used" stay current). */
    public void startLive() {
        refresh();
        if (live == null) {
            live = console.tasks().every(LIVE_PERIOD, this::refresh);
        }
    }

    public void stopLive() {
        if (live != null) {
            live.cancel();
            live = null;
        }
    }

    public void refresh() {
        call("Could not load the tokens", () -> console.services().tokens().inventory(console.principal()),
                this::show);
    }

    private void show(List<TokenInfo> inventory) {
        Instant now = console.now();
        String keep = selected.get() == null ? null : selected.get().jti();
        rows.setAll(inventory.stream().map(t -> new TokenRow(t, now)).toList());
        if (keep != null) {
            rows.stream().filter(r -> r.jti().equals(keep)).findFirst().ifPresent(selected::set);
        } else if (!visible.isEmpty()) {
            selected.set(visible.get(0));
        }
        updateChain();
        updateSummary();
    }

    private void applyFilter() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        StatusFilter s = status.get();
        boolean refresh = showRefreshTokens.get();
        visible.setPredicate(r -> (refresh || !r.info().isRefresh())
                && (s == StatusFilter.ALL || r.status().equalsIgnoreCase(s.name()))
                && (q.isEmpty() || matches(r, q)));
    }

    private static boolean matches(TokenRow r, String q) {
        return r.name().toLowerCase(Locale.ROOT).contains(q) || r.jti().toLowerCase(Locale.ROOT).contains(q)
                || String.join(" ", r.info().scopes()).contains(q);
    }

    private void updateSummary() {
        List<TokenRow> access = rows.stream().filter(r -> !r.info().isRefresh()).toList();
        long active = access.stream().filter(TokenRow::isActive).count();
        long soon = access.stream().filter(TokenRow::expiresSoon).count();
        long revoked = access.stream().filter(r -> "revoked".equals(r.status())).count();
        summary.set(active + " active" + (soon > 0 ? " · " + soon + " expiring within 24 h" : "")
                + " · " + revoked + " revoked · " + access.size() + " issued in all");
    }

    private void updateChain() {
        TokenRow s = selected.get();
        if (s == null) {
            chain.clear();
            return;
        }
        List<TokenRow> family = rows.stream().filter(r -> s.info().family().equals(r.info().family()))
                .sorted(Comparator.comparing((TokenRow r) -> r.info().createdAt())).toList();
        chain.setAll(orderByRotation(family));
    }

    /**
     * Access, its refresh token, the access token that refresh minted, and so on: rotations within one second
     * share a timestamp, so the order follows the links (parentJti, mintedBy "refresh:jti"), not the clock.
     */
    static List<TokenRow> orderByRotation(List<TokenRow> family) {
        List<TokenRow> out = new java.util.ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        TokenRow access = family.stream().filter(r -> !r.info().isRefresh()
                && !String.valueOf(r.info().mintedBy()).startsWith("refresh:")).findFirst().orElse(null);
        while (access != null && used.add(access.jti())) {
            out.add(access);
            String parent = access.jti();
            TokenRow refresh = family.stream().filter(r -> r.info().isRefresh() && parent.equals(r.info().parentJti()))
                    .findFirst().orElse(null);
            if (refresh == null || !used.add(refresh.jti())) {
                break;
            }
            out.add(refresh);
            String minter = "refresh:" + refresh.jti();
            access = family.stream().filter(r -> !r.info().isRefresh() && minter.equals(r.info().mintedBy()))
                    .findFirst().orElse(null);
        }
        family.stream().filter(r -> !used.contains(r.jti())).forEach(out::add);
        return out;
    }

    /** Asks, then revokes the given tokens (and their refresh tokens); the rows turn revoked at once. */
    public void revoke(List<TokenRow> targets) {
        List<TokenRow> open = targets.stream().filter(TokenRow::isActive).toList();
        if (open.isEmpty()) {
            console.dialogs().showInfo("Nothing to revoke", "The selected tokens are already revoked or expired.");
            return;
        }
        String what = open.size() == 1 ? "the token \u201c" + open.get(0).name() + "\u201d (" + open.get(0).jti()
                + ")" : open.size() + " tokens";
        if (!console.dialogs().confirm("Revoke " + (open.size() == 1 ? "token" : open.size() + " tokens") + "?",
                "Programs using " + what + " get 401 Unauthorized from their next request, and the paired "
                        + "refresh token stops working too. This cannot be undone.", "Revoke")) {
            return;
        }
        revokeIds(open.stream().map(TokenRow::jti).toList());
    }

    /** Asks, then revokes a token whose id the admin pasted. */
    public void revokePasted(String pasted) {
        String jti = pasted == null ? "" : pasted.strip();
        if (jti.isEmpty()) {
            return;
        }
        String label = rows.stream().filter(r -> r.jti().equals(jti)).findFirst()
                .map(r -> "\u201c" + r.name() + "\u201d (" + jti + ")").orElse(jti);
        if (!console.dialogs().confirm("Revoke token?", "Programs using the token " + label
                + " get 401 Unauthorized from their next request. This cannot be undone.", "Revoke")) {
            return;
        }
        revokeIds(List.of(jti));
    }

    private void revokeIds(List<String> jtis) {
        call("Could not revoke", () -> console.services().tokens().revokeAll(console.principal(), jtis), revoked -> {
            if (revoked.isEmpty()) {
                console.dialogs().showInfo("Nothing revoked", "No active token of this account has that ID. "
                        + "It may be expired, already revoked, or belong to another gateway.");
                return;
            }
            markRevoked(revoked.stream().map(TokenInfo::jti).collect(Collectors.toSet()));
            refresh();
        });
    }

    private void markRevoked(Set<String> jtis) {
        Instant now = console.now();
        Map<String, TokenRow> byId = rows.stream().collect(Collectors.toMap(TokenRow::jti, Function.identity()));
        for (int i = 0; i < rows.size(); i++) {
            if (jtis.contains(rows.get(i).jti())) {
                rows.set(i, rows.get(i).revokedAt(now));
            }
        }
        TokenRow s = selected.get();
        if (s != null && byId.containsKey(s.jti()) && jtis.contains(s.jti())) {
            rows.stream().filter(r -> r.jti().equals(s.jti())).findFirst().ifPresent(selected::set);
        }
        updateChain();
        updateSummary();
    }

    /** Reads the selected token's last refusals (401/403) in the background. */
    private void loadRefusals(TokenRow row) {
        refusals.clear();
        if (row == null) {
            return;
        }
        call(() -> console.services().tokens().refusals(console.principal(), row.jti()), list -> {
            TokenRow now = selected.get();
            if (now != null && now.jti().equals(row.jti())) {
                refusals.setAll(list);
            }
        }, e -> refusals.clear());
    }

    private final javafx.beans.property.ReadOnlyStringWrapper guardSummary =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "guardSummary", "");
    private final GuardsFormModel guardsForm = new GuardsFormModel();

    /** Reads the selected token's guards and today's budget use in the background. */
    private void loadGuards(TokenRow row) {
        guardSummary.set("");
        if (row == null) {
            return;
        }
        call(() -> {
            var tokens = console.services().tokens();
            var g = tokens.guards(console.principal(), row.jti());
            return java.util.Map.entry(g, tokens.budgetUsedToday(console.principal(), row.jti()));
        }, e -> {
            TokenRow now = selected.get();
            if (now != null && now.jti().equals(row.jti())) {
                guardsForm.load(e.getKey());
                guardSummary.set(GuardsFormModel.summary(e.getKey(), e.getValue()));
            }
        }, e -> guardSummary.set("unknown"));
    }

    /** The selected token's guards in one line. */
    public javafx.beans.property.ReadOnlyStringProperty guardSummaryProperty() {
        return guardSummary.getReadOnlyProperty();
    }

    /** The selected token's guards as editable fields (filled when it is selected). */
    public GuardsFormModel guardsForm() {
        return guardsForm;
    }

    /**
     * Saves the edited guards of {@code row} (its whole family: refreshed tokens keep them). Returns the problem
     * with what was typed, or "" when the save was started.
     */
    public String saveGuards(TokenRow row) {
        app.smsdesk.gateway.domain.TokenGuards g;
        try {
            g = guardsForm.build();
        } catch (app.smsdesk.gateway.domain.ValidationException e) {
            return e.getMessage();
        }
        call("Could not change the guards", () -> console.services().tokens().setGuards(console.principal(),
                row.jti(), g), saved -> loadGuards(row));
        return "";
    }

    /** The selected token's last refusals, newest first: "why was my script refused?". */
    public ObservableList<Refusal> refusals() {
        return refusals;
    }

    /** What a refusal's reason code means, in the admin's words. */
    public static String explain(String reason) {
        if (reason == null) {
            return "refused";
        }
        if (reason.startsWith("scope:")) {
            return "missing scope " + reason.substring(6);
        }
        return switch (reason) {
            case "expired" -> "expired";
            case "revoked" -> "revoked";
            case "rolled" -> "rolled, grace period over";
            case "unknown" -> "not in the inventory (restored from a backup?)";
            case "not-yet-valid" -> "not valid yet (clock skew?)";
            case "account" -> "its account was deleted";
            case "guard:address" -> "from an address its guards do not allow";
            case "guard:hours" -> "outside its allowed hours";
            case "guard:budget" -> "its daily SMS budget was spent";
            case "guard:recipient" -> "to a number its guards do not allow";
            default -> reason;
        };
    }

    /** Grace period a rolled token gets unless the admin picks another. */
    public static final Duration DEFAULT_ROLL_GRACE = Duration.ofHours(24);

    /**
     * Rolls an active access token: a successor with the same name and scopes is made (copied to the clipboard
     * and held in {@link #rolledProperty()} to be shown once), and the old token keeps working for
     * {@code graceHours} (0 to 168), then dies.
     */
    public void roll(TokenRow row, String graceHours) {
        if (row == null || !row.isActive() || row.info().isRefresh()) {
            return;
        }
        long hours;
        try {
            hours = Long.parseLong(graceHours == null ? "" : graceHours.strip());
        } catch (NumberFormatException e) {
            console.dialogs().showInfo("Not rolled", "The grace period is a whole number of hours, 0 to "
                    + TokenService.MAX_ROLL_GRACE.toHours() + ".");
            return;
        }
        call("Could not roll the token", () -> console.services().tokens().roll(console.principal(), row.jti(),
                Duration.ofHours(hours)), issued -> {
                    console.clipboard().copy(issued.accessToken());
                    rolled.set(issued);
                    refresh();
                });
    }

    /** The successor of the last roll (its token strings exist only here), or null. */
    public ReadOnlyObjectProperty<TokenService.IssuedTokens> rolledProperty() {
        return rolled.getReadOnlyProperty();
    }

    /** "rolled from X" / "rolled into Y" for the detail pane, or empty. */
    public String rollLink(TokenRow row) {
        String from = String.valueOf(row.info().mintedBy());
        if (from.startsWith("roll:")) {
            return "Rolled from " + from.substring(5);
        }
        return rows.stream().filter(r -> !r.info().isRefresh() && ("roll:" + row.jti()).equals(r.info().mintedBy()))
                .findFirst()
                .map(r -> "Rolled into " + r.jti()).orElse("");
    }

    public void copyJti(TokenRow row) {
        if (row != null) {
            console.clipboard().copy(row.jti());
        }
    }

    /** A fresh "New token" dialog model. */
    public NewTokenViewModel newToken() {
        return new NewTokenViewModel(console);
    }

    public ObservableList<TokenRow> visibleRows() {
        return visible;
    }

    public ObservableList<TokenRow> allRows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObservableList<TokenRow> chain() {
        return FXCollections.unmodifiableObservableList(chain);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<StatusFilter> statusProperty() {
        return status;
    }

    public BooleanProperty showRefreshTokensProperty() {
        return showRefreshTokens;
    }

    public ObjectProperty<TokenRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public Instant now() {
        return console.now();
    }
}
