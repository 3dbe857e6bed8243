package app.smsdesk.desktop.page.tokens;

import app.smsdesk.desktop.ui.Ui;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** The guard fields, shared by the New token dialog and the Guards dialog of the detail pane. */
final class GuardsForm {
    private GuardsForm() {
    }

    static GridPane build(GuardsFormModel m) {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        int row = 0;
        row = field(g, row, "Client addresses", "guard-addresses", "any; e.g. 192.168.1.0/24, 10.0.0.5",
                m.addressesProperty(), "Requests from other addresses get 403 guard:address.");
        row = field(g, row, "Daily SMS budget", "guard-budget", "no limit; e.g. 500", m.dailyBudgetProperty(),
                "One SMS per recipient; beyond it a send gets 403 guard:budget until the next day.");
        row = field(g, row, "Recipients starting", "guard-prefixes", "anyone; e.g. +49, +43",
                m.recipientPrefixesProperty(), "Other numbers get 403 guard:recipient.");
        row = field(g, row, "Allowed hours", "guard-hours", "any time; e.g. 08:00-18:00", m.hoursProperty(),
                "Outside them every request gets 403 guard:hours; 22:00-06:00 wraps past midnight.");
        field(g, row, "Time zone", "guard-zone", java.time.ZoneId.systemDefault().getId(), m.timeZoneProperty(),
                "For the hours and for when the budget's day starts.");
        return g;
    }

    private static int field(GridPane g, int row, String label, String id, String prompt, StringProperty value,
                             String hint) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        GridPane.setHgrow(f, Priority.ALWAYS);
        g.addRow(row, new Label(label), f);
        Label h = Ui.hint(hint);
        g.add(h, 1, row + 1);
        return row + 2;
    }
}
