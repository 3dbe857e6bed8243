package app.smsdesk.desktop.ui;

import javafx.scene.input.ClipboardContent;

/** The system clipboard. */
public final class FxClipboard implements Clipboard {
    @Override
    public void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }
}
