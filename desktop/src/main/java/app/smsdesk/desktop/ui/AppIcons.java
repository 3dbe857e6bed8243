package app.smsdesk.desktop.ui;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import javafx.scene.image.Image;

/** The SMSDesk icon (copied from the project's {@code assets/icons}) in the sizes the console uses. */
public final class AppIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    /** Every size, for a stage's icon list (the platform picks the best one). */
    public static List<Image> all() {
        return Arrays.stream(SIZES).mapToObj(AppIcons::image).toList();
    }

    public static Image image(int size) {
        return new Image(AppIcons.class.getResource(path(size)).toExternalForm());
    }

    /** The smallest bundled size at least {@code pixels} wide (or the largest). */
    public static int closest(int pixels) {
        return Arrays.stream(SIZES).filter(s -> s >= pixels).findFirst().orElse(SIZES[SIZES.length - 1]);
    }

    public static InputStream stream(int size) {
        return AppIcons.class.getResourceAsStream(path(size));
    }

    private static String path(int size) {
        return "/app/smsdesk/desktop/icons/smsdesk-" + size + ".png";
    }
}
