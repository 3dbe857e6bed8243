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

    /** The nanoid alphabet in ASCII order, so that prefixes written with it sort by value. */
    private static final char[] SORTED = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".toCharArray();

    /**
     * A 21-character id whose first 8 characters encode the time in milliseconds (sortable), followed by 13
     * random ones. New rows then append to the id index instead of landing at random B-tree pages, which keeps
     * durable inserts fast (see the performance calibration).
     */
    public static String timeOrdered(long epochMillis) {
        char[] out = new char[LENGTH];
        long t = epochMillis;
        for (int i = 7; i >= 0; i--) {
            out[i] = SORTED[(int) (t & 63)];
            t >>>= 6;
        }
        byte[] bytes = new byte[LENGTH - 8];
        RANDOM.nextBytes(bytes);
        for (int i = 8; i < LENGTH; i++) {
            out[i] = ALPHABET[bytes[i - 8] & 63];
        }
        return new String(out);
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
