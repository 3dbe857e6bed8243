package app.smsdesk.desktop.ui;

import atlantafx.base.controls.ModalPane;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/**
 * Modal content drawn inside the console window: a dimmed layer over the whole window that takes every click,
 * with the content on an opaque card in the middle. Unlike a separate dialog window, it looks the same with
 * every window manager (or none), cannot be lost behind the window, and nothing of the page shows through it.
 */
public final class ModalHost {
    private final ModalPane modal = new ModalPane();
    private final StackPane root;

    /** Wraps the window's content; use {@link #root()} as the scene's root. */
    public ModalHost(Parent content) {
        modal.setId("modal-layer");
        modal.setAlignment(Pos.CENTER);
        // Secrets are shown once: a click beside the card or Escape must not dismiss it by accident.
        modal.setPersistent(true);
        // No slide-in: an animated card left stale frames behind it with the software renderer.
        modal.setInTransitionFactory(null);
        modal.setOutTransitionFactory(null);
        root = new StackPane(content, modal);
    }

    public Parent root() {
        return root;
    }

    /** Shows {@code content} on a card over the window until {@link #hide()}. */
    public void show(Node content) {
        StackPane card = new StackPane(content);
        card.getStyleClass().add("modal-card");
        card.setMaxSize(StackPane.USE_PREF_SIZE, StackPane.USE_PREF_SIZE);
        modal.show(card);
    }

    public void hide() {
        modal.hide(true);
    }

    /** Whether something is shown. */
    public boolean isShowing() {
        return modal.isDisplay();
    }
}
