package app.smsdesk.desktop.shell;

import app.smsdesk.desktop.ui.AppIcons;
import java.awt.AWTException;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The system tray through AWT's {@link SystemTray}; AWT is only loaded when the admin uses the tray. */
public final class AwtTray implements Tray {
    private static final Logger LOG = LoggerFactory.getLogger(AwtTray.class);

    @Override
    public boolean supported() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            LOG.info("no system tray: {}", e.toString());
            return false;
        }
    }

    @Override
    public Optional<Icon> install(Runnable open, Runnable quit) {
        if (!supported()) {
            return Optional.empty();
        }
        AtomicReference<Optional<Icon>> result = new AtomicReference<>(Optional.empty());
        try {
            EventQueue.invokeAndWait(() -> result.set(addIcon(open, quit)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            LOG.warn("could not add the tray icon", e.getCause());
        }
        return result.get();
    }

    private static Optional<Icon> addIcon(Runnable open, Runnable quit) {
        SystemTray tray = SystemTray.getSystemTray();
        Image image = image(tray.getTrayIconSize());
        if (image == null) {
            return Optional.empty();
        }
        PopupMenu menu = new PopupMenu();
        MenuItem openItem = new MenuItem("Open SMSDesk");
        openItem.addActionListener(e -> open.run());
        MenuItem quitItem = new MenuItem("Quit (stops the gateway)");
        quitItem.addActionListener(e -> quit.run());
        menu.add(openItem);
        menu.addSeparator();
        menu.add(quitItem);
        TrayIcon icon = new TrayIcon(image, "SMSDesk \u2014 gateway running", menu);
        icon.setImageAutoSize(true);
        icon.addActionListener(e -> open.run()); // double-click (or the platform's default action)
        try {
            tray.add(icon);
        } catch (AWTException e) {
            LOG.warn("the system tray refused the icon: {}", e.getMessage());
            return Optional.empty();
        }
        icon.displayMessage("SMSDesk keeps running", "The gateway still serves phones and programs. Open or quit "
                + "SMSDesk from this icon.", TrayIcon.MessageType.INFO);
        return Optional.of(() -> EventQueue.invokeLater(() -> tray.remove(icon)));
    }

    /** The bundled icon closest to (and not smaller than) the tray's size. */
    private static Image image(Dimension size) {
        int want = Math.max(size.width, size.height);
        try (InputStream in = AppIcons.stream(AppIcons.closest(want))) {
            return in == null ? null : ImageIO.read(in);
        } catch (IOException e) {
            LOG.warn("could not read the tray icon", e);
            return null;
        }
    }
}
