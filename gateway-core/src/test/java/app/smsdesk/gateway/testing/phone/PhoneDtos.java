package app.smsdesk.gateway.testing.phone;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The app's Gson classes (GatewayApi.kt), with the same field types, and a Gson configured as the app configures
 * it, so that what fails on a phone fails here.
 */
public final class PhoneDtos {
    /** The app's date pattern (extensions/GsonBuilder.kt); Gson falls back to ISO-8601 when it does not parse. */
    static final String DATE_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
    static final Gson GSON = new GsonBuilder().setDateFormat(DATE_PATTERN).create();

    private PhoneDtos() {
    }

    /** domain/ProcessingState.kt; an unknown name becomes null, as in Gson. */
    public enum ProcessingState { Pending, Processed, Sent, Delivered, Failed, Cancelling, Cancelled }

    public static final class TextMessage {
        public String text;
    }

    public static final class DataMessage {
        public String data;
        public Integer port;
    }

    /** GatewayApi.Message. */
    public static final class Message {
        public String id;
        public String message;
        public TextMessage textMessage;
        public DataMessage dataMessage;
        public List<String> phoneNumbers;
        public Integer simNumber;
        public Boolean withDeliveryReport;
        public Boolean isEncrypted;
        public Byte priority;
        public Date validUntil;
        public Date scheduleAt;
        public ProcessingState state;
        public Date createdAt;
    }

    public static final class SimCard {
        public int slotIndex;
        public int simNumber;
        public String phoneNumber;
        public String carrierName;
        public String iccid;

        SimCard(int slotIndex, String phoneNumber) {
            this.slotIndex = slotIndex;
            this.simNumber = slotIndex + 1;
            this.phoneNumber = phoneNumber;
        }
    }

    public static final class RegisterRequest {
        public String name;
        public String pushToken;
        public List<SimCard> simCards;
    }

    public static final class RegisterResponse {
        public String id;
        public String token;
        public String login;
        public String password;
    }

    public static final class UpdateRequest {
        public String id;
        public String pushToken;
        public List<SimCard> simCards;
    }

    /** Outgoing dates are pre-formatted strings in the phone's zone, like the app's Gson writes them. */
    public static final class RecipientState {
        public String phoneNumber;
        public ProcessingState state;
        public String error;
    }

    public static final class MessagePatch {
        public String id;
        public ProcessingState state;
        public List<RecipientState> recipients;
        public Map<String, String> states;
    }

    public static final class Webhook {
        public String id;
        public String url;
        public String event;
        public String deviceId;
    }

    public static final class UserCode {
        public String code;
        public Date validUntil;
    }
}
