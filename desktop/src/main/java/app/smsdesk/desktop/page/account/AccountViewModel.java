package app.smsdesk.desktop.page.account;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.service.AccountService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Change the admin password; doing so revokes every JWT of the account, after a confirmation. */
public final class AccountViewModel extends ViewModel {
    private final StringProperty current = new SimpleStringProperty(this, "current", "");
    private final StringProperty next = new SimpleStringProperty(this, "next", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper canChange = new ReadOnlyBooleanWrapper(this, "canChange", false);

    public AccountViewModel(Console console) {
        super(console);
        current.addListener((o, a, b) -> validate());
        next.addListener((o, a, b) -> validate());
        repeat.addListener((o, a, b) -> validate());
        validate();
    }

    private void validate() {
        String p = "";
        if (current.get().isEmpty()) {
            p = "Enter your current password.";
        } else if (next.get().length() < AccountService.MIN_PASSWORD_LENGTH) {
            p = "The new password needs at least " + AccountService.MIN_PASSWORD_LENGTH + " characters ("
                    + next.get().length() + " so far).";
        } else if (!next.get().equals(repeat.get())) {
            p = "The two new passwords differ.";
        } else if (next.get().equals(current.get())) {
            p = "The new password is the same as the current one.";
        }
        problem.set(p);
        canChange.set(p.isEmpty());
    }

    public String login() {
        return console.principal().userId();
    }

    public void change() {
        validate();
        if (!canChange.get()) {
            return;
        }
        if (!console.dialogs().confirm("Change the password?", "Every API token (JWT) of this account is revoked "
                + "at once: programs using them get 401 until you give them new tokens. Programs using Basic auth "
                + "need the new password.", "Change password")) {
            return;
        }
        String cur = current.get();
        String nxt = next.get();
        call("The password was not changed", () -> {
            console.services().accounts().changePassword(console.principal().userId(), cur, nxt);
            return null;
        }, v -> {
            current.set("");
            next.set("");
            repeat.set("");
            console.dialogs().showInfo("Password changed", "The new password is active and all API tokens of the "
                    + "account were revoked.");
        });
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty nextProperty() {
        return next;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canChangeProperty() {
        return canChange.getReadOnlyProperty();
    }
}
