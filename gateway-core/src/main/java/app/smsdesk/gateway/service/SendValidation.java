package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.MessageContent;
import app.smsdesk.gateway.domain.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;

/** The field rules of a send request (SMSGate's Message DTO), each failure naming its field. */
public final class SendValidation {
    private static final int MAX_ID = 36;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private SendValidation() {
    }

    /** A send request that passed every field rule, with numbers normalised. */
    public record ValidatedSend(String id, MessageContent content, List<String> phoneNumbers, boolean encrypted,
                                Instant validUntil) {
    }

    /**
     * Checks every field rule of a send request (no storage access); 400 naming the field otherwise.
     *
     * @param region default region for numbers written without +
     */
    public static ValidatedSend validate(SendRequest r, String region, Instant now) {
        MessageContent content = content(r);
        String id = id(r.id(), now);
        boolean encrypted = Boolean.TRUE.equals(r.isEncrypted());
        List<String> numbers = recipients(r, encrypted, region);
        Instant validUntil = validUntil(r, now);
        schedule(r.scheduleAt(), validUntil, now);
        options(r);
        return new ValidatedSend(id, content, numbers, encrypted, validUntil);
    }

    private static List<String> recipients(SendRequest r, boolean encrypted, String region) {
        List<String> raw = r.phoneNumbers();
        if (raw == null || raw.isEmpty()) {
            throw new ValidationException("phoneNumbers: at least one phone number is required");
        }
        if (raw.size() > MessageService.MAX_RECIPIENTS) {
            throw new ValidationException("phoneNumbers: at most " + MessageService.MAX_RECIPIENTS
                    + " numbers per message");
        }
        boolean validate = !encrypted && !r.skipPhoneValidation();
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String n = raw.get(i);
            String field = "phoneNumbers[" + i + "]";
            if (n == null || n.isEmpty() || n.length() > 128) {
                throw new ValidationException(field + ": must be 1 to 128 characters");
            }
            if (!out.add(validate ? PhoneNumbers.normalize(field, n, region) : n)) {
                throw new ValidationException("phone numbers must be unique");
            }
        }
        return List.copyOf(out);
    }

    static MessageContent content(SendRequest r) {
        List<String> present = new ArrayList<>();
        if (r.message() != null) {
            present.add("message");
        }
        if (r.hasTextMessage()) {
            present.add("textMessage");
        }
        if (r.hasDataMessage()) {
            present.add("dataMessage");
        }
        if (present.isEmpty()) {
            throw new ValidationException("textMessage: must specify exactly one of: textMessage or dataMessage");
        }
        if (present.size() > 1) {
            throw new ValidationException(String.join(", ", present)
                    + ": conflict fields, specify exactly one of: textMessage or dataMessage");
        }
        if (r.message() != null) {
            return MessageContent.text(text("message", r.message()));
        }
        if (r.hasTextMessage()) {
            return MessageContent.text(text("textMessage.text", r.text()));
        }
        return data(r.data(), r.port());
    }

    private static String text(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw new ValidationException(field + ": is required and must not be empty");
        }
        if (text.length() > MessageService.MAX_TEXT) {
            throw new ValidationException(field + ": at most " + MessageService.MAX_TEXT + " characters");
        }
        return text;
    }

    private static MessageContent data(String data, Integer port) {
        if (data == null || data.length() < 4 || data.length() > MessageService.MAX_TEXT) {
            throw new ValidationException("dataMessage.data: base64 of 4 to 65535 characters is required");
        }
        try {
            Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("dataMessage.data: must be standard base64");
        }
        if (port == null || port < 1 || port > 65_535) {
            throw new ValidationException("dataMessage.port: an integer from 1 to 65535 is required");
        }
        return MessageContent.data(data, port);
    }

    static String id(String id, Instant now) {
        if (id == null || id.isEmpty()) {
            return app.smsdesk.gateway.domain.Ids.timeOrdered(now.toEpochMilli());
        }
        if (id.length() > MAX_ID) {
            throw new ValidationException("id: at most " + MAX_ID + " characters");
        }
        if (id.contains("/") || id.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("id: must not contain '/' or control characters");
        }
        return id;
    }

    static Instant validUntil(SendRequest r, Instant now) {
        if (r.ttl() != null && r.validUntil() != null) {
            throw new ValidationException("ttl: conflicts with validUntil; give only one of them");
        }
        if (r.ttl() != null) {
            if (r.ttl() < 5) {
                throw new ValidationException("ttl: must be at least 5 seconds");
            }
            if (r.ttl() > Duration.between(now, LATEST).toSeconds()) {
                // Would overflow (or not fit the store's epoch millis, or RFC 3339's four-digit years).
                throw new ValidationException("ttl: too large; validUntil would be after the year 9999");
            }
            return now.plusSeconds(r.ttl());
        }
        return r.validUntil();
    }

    static void schedule(Instant scheduleAt, Instant validUntil, Instant now) {
        if (scheduleAt == null) {
            return;
        }
        if (!scheduleAt.isAfter(now)) {
            throw new ValidationException("scheduleAt: must be in the future");
        }
        if (validUntil != null && scheduleAt.isAfter(validUntil)) {
            throw new ValidationException("scheduleAt: scheduleAt must be less than or equal to validUntil");
        }
    }

    static void options(SendRequest r) {
        if (r.simNumber() != null && (r.simNumber() < 1 || r.simNumber() > 3)) {
            throw new ValidationException("simNumber: must be 1, 2 or 3");
        }
        if (r.priority() != null && (r.priority() < -128 || r.priority() > 127)) {
            throw new ValidationException("priority: must be between -128 and 127");
        }
    }
}
