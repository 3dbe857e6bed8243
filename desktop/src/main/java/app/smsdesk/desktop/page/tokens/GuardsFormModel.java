package app.smsdesk.desktop.page.tokens;

import app.smsdesk.gateway.domain.TokenGuards;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The fields of a token's guards as the admin types them: lists separated by commas, spaces or lines, empty for
 * "no limit". {@link #build()} turns them into guards or throws the gateway's own 400 message naming the field.
 */
public final class GuardsFormModel {
    private final StringProperty addresses = new SimpleStringProperty(this, "addresses", "");
    private final StringProperty dailyBudget = new SimpleStringProperty(this, "dailyBudget", "");
    private final StringProperty recipientPrefixes = new SimpleStringProperty(this, "recipientPrefixes", "");
    private final StringProperty hours = new SimpleStringProperty(this, "hours", "");
    private final StringProperty timeZone = new SimpleStringProperty(this, "timeZone", "");

    /** The guards typed in; throws {@link app.smsdesk.gateway.domain.ValidationException} for a bad entry. */
    public TokenGuards build() {
        Integer budget = null;
        String b = dailyBudget.get() == null ? "" : dailyBudget.get().strip();
        if (!b.isEmpty()) {
            try {
                budget = Integer.parseInt(b);
            } catch (NumberFormatException e) {
                throw new app.smsdesk.gateway.domain.ValidationException("guards.dailyBudget: a whole number of SMS");
            }
        }
        return TokenGuards.validated(list(addresses.get()), budget, list(recipientPrefixes.get()), hours.get(),
                timeZone.get());
    }

    /** Fills the fields from existing guards. */
    public void load(TokenGuards g) {
        addresses.set(String.join(", ", g.addresses()));
        dailyBudget.set(g.dailyBudget() == null ? "" : String.valueOf(g.dailyBudget()));
        recipientPrefixes.set(String.join(", ", g.recipientPrefixes()));
        hours.set(g.hours() == null ? "" : g.hours());
        timeZone.set(g.timeZone());
    }

    private static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.strip().split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** One line for the detail pane. */
    public static String summary(TokenGuards g, long usedToday) {
        if (g.isEmpty()) {
            return "None: any address, any time, any recipient, no daily limit";
        }
        List<String> parts = new java.util.ArrayList<>();
        if (!g.addresses().isEmpty()) {
            parts.add("from " + String.join(", ", g.addresses()));
        }
        if (g.hours() != null) {
            parts.add(g.hours() + " " + g.timeZone());
        }
        if (!g.recipientPrefixes().isEmpty()) {
            parts.add("to " + String.join(", ", g.recipientPrefixes()));
        }
        if (g.dailyBudget() != null) {
            parts.add(usedToday + " of " + g.dailyBudget() + " SMS today");
        }
        return String.join(" \u00b7 ", parts);
    }

    public StringProperty addressesProperty() {
        return addresses;
    }

    public StringProperty dailyBudgetProperty() {
        return dailyBudget;
    }

    public StringProperty recipientPrefixesProperty() {
        return recipientPrefixes;
    }

    public StringProperty hoursProperty() {
        return hours;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }
}
