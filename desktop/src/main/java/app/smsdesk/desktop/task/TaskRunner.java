package app.smsdesk.desktop.task;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;

/**
 * The one way the console calls the gateway: work runs off the FX thread and its result comes back on it.
 * {@link FxTaskRunner} is the app's; {@link ImmediateTaskRunner} runs everything inline for view-model tests.
 */
public interface TaskRunner {
    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the FX thread. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Runs long {@code work} that reports progress; {@code onProgress} receives 0..1 on the FX thread.
     * The returned handle asks the work to stop (it checks {@link Progress#isCancelled()}).
     */
    <T> Cancellable runWithProgress(ProgressWork<T> work, Consumer<Double> onProgress,
                                    Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Calls {@code action} on the FX thread every {@code period} until cancelled (live views). */
    Cancellable every(Duration period, Runnable action);

    /** How many tasks are in flight (for the busy indicator); changes on the FX thread. */
    ReadOnlyIntegerProperty runningProperty();

    /** Stops the background threads (at shutdown). */
    void shutdown();

    /** Work that reports its progress. */
    @FunctionalInterface
    interface ProgressWork<T> {
        T call(Progress progress) throws Exception;
    }

    /** What long work tells the runner, and how it learns it should stop. */
    interface Progress {
        void update(long done, long total);

        boolean isCancelled();
    }

    /** Stops a repeating action or asks long work to stop. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
