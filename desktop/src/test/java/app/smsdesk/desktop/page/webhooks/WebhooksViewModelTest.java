package app.smsdesk.desktop.page.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.desktop.testing.TestConsole;
import app.smsdesk.gateway.domain.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhooksViewModelTest {
    private TestConsole tc;
    private WebhooksViewModel hooks;

    @BeforeEach
    void start() {
        tc = new TestConsole();
        hooks = new WebhooksViewModel(tc.console());
        hooks.refresh();
    }

    @AfterEach
    void stop() {
        tc.close();
    }

    @Test
    void urlsMustBeHttpsWithAHost() {
        hooks.startNew();
        hooks.urlProperty().set("http://example.com/x");
        assertThat(hooks.canSaveProperty().get()).isFalse();
        assertThat(hooks.urlProblemProperty().get()).contains("https://");
        hooks.urlProperty().set("https:///nohost");
        assertThat(hooks.urlProblemProperty().get()).contains("host");
        hooks.urlProperty().set("https://example.com/sms");
        assertThat(hooks.canSaveProperty().get()).isTrue();
    }

    @Test
    void createsEditsAndDeletesWebhooks() {
        boolean[] closed = {false};
        hooks.startNew();
        hooks.urlProperty().set("https://example.com/in");
        hooks.eventProperty().set("sms:delivered");
        hooks.save(() -> closed[0] = true);
        assertThat(closed[0]).isTrue();
        assertThat(hooks.webhooks()).singleElement().extracting(Webhook::event).isEqualTo("sms:delivered");

        hooks.startEdit(hooks.webhooks().get(0));
        hooks.urlProperty().set("https://example.com/changed");
        hooks.save(() -> { });
        assertThat(hooks.webhooks()).singleElement().extracting(Webhook::url).isEqualTo("https://example.com/changed");

        hooks.delete(hooks.webhooks().get(0));
        assertThat(tc.dialogs.confirmations).hasSize(1);
        assertThat(hooks.webhooks()).isEmpty();
        assertThat(tc.services().webhooks().list(tc.principal())).isEmpty();
    }
}
