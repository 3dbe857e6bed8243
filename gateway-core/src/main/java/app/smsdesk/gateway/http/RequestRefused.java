package app.smsdesk.gateway.http;

/**
 * A request refused before routing for what it is rather than what it asks (its Host, its origin, its content
 * type, its headers); {@link ErrorMapper} answers it with {@link #status()} and the message.
 */
final class RequestRefused extends RuntimeException {
    private final int status;

    RequestRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
