package app.smsdesk.desktop.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/** The app's runner: a small pool of daemon threads; results and progress return through the FX thread. */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService pool;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);

    public FxTaskRunner() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "console-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        runWithProgress(p -> work.call(), p -> { }, onSuccess, onFailure);
    }

    @Override
    public <T> Cancellable runWithProgress(ProgressWork<T> work, Consumer<Double> onProgress,
                                           Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        if (pool.isShutdown()) {
            return () -> { }; // the console is closing: late timers and clicks are dropped
        }
        onFx(() -> running.set(running.get() + 1));
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicLong lastReport = new AtomicLong();
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total) {
                long now = System.nanoTime();
                // At most ~20 updates a second: the FX queue must not fill up with progress events.
                if (done >= total || now - lastReport.get() > 50_000_000L) {
                    lastReport.set(now);
                    double fraction = total <= 0 ? -1 : Math.min(1.0, (double) done / total);
                    Platform.runLater(() -> onProgress.accept(fraction));
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        pool.execute(() -> {
            try {
                T result = work.call(progress);
                Platform.runLater(() -> finish(() -> onSuccess.accept(result)));
            } catch (Throwable e) {
                Platform.runLater(() -> finish(() -> onFailure.accept(e)));
            }
        });
        return () -> cancelled.set(true);
    }

    private void finish(Runnable callback) {
        running.set(running.get() - 1);
        callback.run();
    }

    @Override
    public Cancellable every(java.time.Duration period, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> action.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        onFx(timeline::play);
        return () -> onFx(timeline::stop);
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
