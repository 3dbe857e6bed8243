package app.smsdesk.desktop.shell;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.page.account.AccountView;
import app.smsdesk.desktop.page.account.AccountViewModel;
import app.smsdesk.desktop.page.dashboard.DashboardView;
import app.smsdesk.desktop.page.dashboard.DashboardViewModel;
import app.smsdesk.desktop.page.inbox.InboxView;
import app.smsdesk.desktop.page.inbox.InboxViewModel;
import app.smsdesk.desktop.page.logs.LogsView;
import app.smsdesk.desktop.page.logs.LogsViewModel;
import app.smsdesk.desktop.page.messages.MessagesView;
import app.smsdesk.desktop.page.messages.MessagesViewModel;
import app.smsdesk.desktop.page.phones.PhonesView;
import app.smsdesk.desktop.page.phones.PhonesViewModel;
import app.smsdesk.desktop.page.settings.SettingsView;
import app.smsdesk.desktop.page.settings.SettingsViewModel;
import app.smsdesk.desktop.page.tokens.TokensView;
import app.smsdesk.desktop.page.tokens.TokensViewModel;
import app.smsdesk.desktop.page.webhooks.WebhooksView;
import app.smsdesk.desktop.page.webhooks.WebhooksViewModel;

/** Creates each screen's view and view model (once, when first shown). */
public final class Pages {
    private Pages() {
    }

    public static PageView create(Page page, Console console) {
        return switch (page) {
            case DASHBOARD -> new DashboardView(new DashboardViewModel(console));
            case MESSAGES -> new MessagesView(new MessagesViewModel(console));
            case INBOX -> new InboxView(new InboxViewModel(console));
            case PHONES -> new PhonesView(new PhonesViewModel(console));
            case TOKENS -> new TokensView(new TokensViewModel(console), console.zone());
            case WEBHOOKS -> new WebhooksView(new WebhooksViewModel(console));
            case SETTINGS -> new SettingsView(new SettingsViewModel(console));
            case LOGS -> new LogsView(new LogsViewModel(console));
            case ACCOUNT -> new AccountView(new AccountViewModel(console));
        };
    }
}
