package app.smsdesk.desktop.ui;

import app.smsdesk.desktop.Console;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Base of the screens' view models: calls into the gateway through the task runner, tracks whether a call is
 * in flight (for the progress indicator), and routes failures to the dialog service.
 */
public abstract class ViewModel {
    protected final Console console;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private int inFlight;

    /** How a part of a view model (a {@link PagedList}) calls the gateway on its owner's behalf. */
    public interface Calls {
        <T> void call(String failureTitle, Callable<T> work, Consumer<? super T> onSuccess);
    }

    protected ViewModel(Console console) {
        this.console = console;
    }

    /** True while a gateway call of this screen runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Runs {@code work} off the FX thread; a failure is shown under {@code failureTitle}. */
    protected <T> void call(String failureTitle, Callable<T> work, Consumer<? super T> onSuccess) {
        call(work, onSuccess, e -> console.dialogs().showError(failureTitle, e));
    }

    protected <T> void call(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        started();
        console.tasks().run(work, r -> {
            finished();
            onSuccess.accept(r);
        }, e -> {
            finished();
            onFailure.accept(e);
        });
    }

    private void started() {
        inFlight++;
        busy.set(true);
    }

    private void finished() {
        inFlight--;
        busy.set(inFlight > 0);
    }
}
