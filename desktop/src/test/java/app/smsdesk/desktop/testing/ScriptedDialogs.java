package app.smsdesk.desktop.testing;

import app.smsdesk.desktop.ui.DialogService;
import app.smsdesk.desktop.ui.Problem;
import java.util.ArrayList;
import java.util.List;

/** Answers confirmations as the test says and records everything shown. */
public final class ScriptedDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<Throwable> errorCauses = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final List<String> confirmations = new ArrayList<>();
    private boolean answer = true;

    public ScriptedDialogs answering(boolean yes) {
        this.answer = yes;
        return this;
    }

    @Override
    public void showError(String title, Throwable error) {
        errors.add(title + ": " + Problem.of(error).message());
        errorCauses.add(error);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String action) {
        confirmations.add(title + " | " + message);
        return answer;
    }
}
