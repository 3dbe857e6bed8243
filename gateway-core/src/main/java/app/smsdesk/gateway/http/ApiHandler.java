package app.smsdesk.gateway.http;

/** A thin endpoint: parse the exchange, call a service, write JSON. */
@FunctionalInterface
public interface ApiHandler {
    void handle(ApiExchange exchange) throws Exception;
}
