package app.smsdesk.desktop.shell;

import javafx.scene.Node;

/** A screen's view: its node, and what to do when it is shown or left (start and stop live updates). */
public interface PageView {
    Node root();

    default void onShow() {
    }

    default void onHide() {
    }
}
