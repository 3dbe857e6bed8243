package app.smsdesk.gateway.domain;

/** The feature is switched off or not offered (HTTP 501). */
public final class FeatureDisabledException extends GatewayException {
    public FeatureDisabledException(String message) {
        super(message);
    }
}
