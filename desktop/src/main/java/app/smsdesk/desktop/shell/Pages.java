package app.smsdesk.desktop.shell;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.page.messages.MessagesView;
import app.smsdesk.desktop.page.messages.MessagesViewModel;
import app.smsdesk.desktop.page.phones.PhonesView;
import app.smsdesk.desktop.page.phones.PhonesViewModel;
import app.smsdesk.desktop.page.settings.SettingsView;
import app.smsdesk.desktop.page.settings.SettingsViewModel;
import app.smsdesk.desktop.page.tokens.TokensView;
import app.smsdesk.desktop.page.tokens.TokensViewModel;
import app.smsdesk.desktop.ui.Ui;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/** Creates each screen's view and view model (once, when first shown). */
public final class Pages {
    private Pages() {
    }

    public static PageView create(Page page, Console console) {
        return switch (page) {
            case TOKENS -> new TokensView(new TokensViewModel(console), console.zone());
            case MESSAGES -> new MessagesView(new MessagesViewModel(console));
            case PHONES -> new PhonesView(new PhonesViewModel(console));
            case SETTINGS -> new SettingsView(new SettingsViewModel(console));
            default -> placeholder(page);
        };
    }

    private static PageView placeholder(Page page) {
        VBox box = new VBox(14, Ui.header(page.title(), page.subtitle()), Ui.hint("This screen is not built yet."));
        box.setPadding(new Insets(20, 24, 16, 24));
        return () -> (Node) box;
    }
}
