package app.smsdesk.gateway.domain;

import java.security.SecureRandom;

/** 21-character nanoids over {@code A-Za-z0-9_-}, as the SMSGate server generates them. */
public final class Ids {
    private static final char[] ALPHABET =
            "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int LENGTH = 21;

    private Ids() {
    }

    public static String newId() {
        return random(LENGTH);
    }

    public static String random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[bytes[i] & 63];
        }
        return new String(out);
    }
}
