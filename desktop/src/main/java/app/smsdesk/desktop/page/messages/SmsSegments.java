package app.smsdesk.desktop.page.messages;

/** How many SMS parts a text needs: GSM-7 (160/153 per part, extension characters count twice) or UCS-2 (70/67). */
public final class SmsSegments {
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    /**
     * The result of counting.
     *
     * @param encoding "GSM-7" or "UCS-2"
     * @param units characters as the network counts them (septets or UTF-16 units)
     * @param segments parts the phone sends (0 for empty text)
     * @param remaining units left in the last part
     */
    public record Info(String encoding, int units, int segments, int remaining) {
        public String describe() {
            if (units == 0) {
                return encoding + " \u00b7 0 characters";
            }
            return encoding + " \u00b7 " + units + " characters \u00b7 " + segments + (segments == 1 ? " SMS" : " SMS parts")
                    + " \u00b7 " + remaining + " left";
        }
    }

    private SmsSegments() {
    }

    public static Info count(String text) {
        String t = text == null ? "" : text;
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                gsm = false;
                break;
            }
        }
        if (gsm) {
            return info("GSM-7", septets, 160, 153);
        }
        return info("UCS-2", t.length(), 70, 67);
    }

    private static Info info(String encoding, int units, int single, int multi) {
        if (units == 0) {
            return new Info(encoding, 0, 0, single);
        }
        if (units <= single) {
            return new Info(encoding, units, 1, single - units);
        }
        int segments = (units + multi - 1) / multi;
        return new Info(encoding, units, segments, segments * multi - units);
    }
}
