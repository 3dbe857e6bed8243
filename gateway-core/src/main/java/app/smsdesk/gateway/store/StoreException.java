package app.smsdesk.gateway.store;

/** An unexpected storage failure (I/O, corruption, a bug): answered as a 500, logged once. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
