package app.smsdesk.desktop.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** QR codes (ZXing) as JavaFX images. */
public final class QrCodes {
    private QrCodes() {
    }

    /** The text as a QR code, {@code size} pixels square, black on white with a quiet zone. */
    public static Image of(String text, int size) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            WritableImage img = new WritableImage(m.getWidth(), m.getHeight());
            PixelWriter w = img.getPixelWriter();
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    w.setColor(x, y, m.get(x, y) ? Color.BLACK : Color.WHITE);
                }
            }
            return img;
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }
}
