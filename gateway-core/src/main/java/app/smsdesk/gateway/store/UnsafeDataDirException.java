package app.smsdesk.gateway.store;

/** The data directory (or a file in it) is not safe to trust: shared, someone else's, or a symbolic link. */
public final class UnsafeDataDirException extends RuntimeException {
    public UnsafeDataDirException(String message) {
        super(message);
    }
}
