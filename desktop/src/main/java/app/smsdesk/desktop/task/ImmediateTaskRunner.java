package app.smsdesk.desktop.task;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Runs every task inline on the calling thread, for view-model tests without a stage. Repeating actions run
 * when the test calls {@link #tick()}, so tests never sleep.
 */
public final class ImmediateTaskRunner implements TaskRunner {
    private final List<Runnable> repeating = new CopyOnWriteArrayList<>();
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public <T> Cancellable runWithProgress(ProgressWork<T> work, Consumer<Double> onProgress,
                                           Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        boolean[] cancelled = {false};
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total) {
                onProgress.accept(total <= 0 ? -1 : Math.min(1.0, (double) done / total));
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
        run(() -> work.call(progress), onSuccess, onFailure);
        return () -> cancelled[0] = true;
    }

    @Override
    public Cancellable every(Duration period, Runnable action) {
        repeating.add(action);
        return () -> repeating.remove(action);
    }

    /** Runs every registered repeating action once. */
    public void tick() {
        repeating.forEach(Runnable::run);
    }

    /** How many repeating actions are registered (tests check that views stop polling). */
    public int repeatingCount() {
        return repeating.size();
    }

    @Override
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public void shutdown() {
        repeating.clear();
    }
}
