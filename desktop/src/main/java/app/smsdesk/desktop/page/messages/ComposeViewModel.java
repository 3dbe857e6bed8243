package app.smsdesk.desktop.page.messages;

import app.smsdesk.desktop.Console;
import app.smsdesk.desktop.ui.ViewModel;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.SimCard;
import app.smsdesk.gateway.service.SendRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The compose dialog: recipients, text with a live segment counter, phone, SIM, priority, expiry, schedule and
 * delivery report, sent through {@code MessageService.send}.
 */
public final class ComposeViewModel extends ViewModel {
    /** A SIM in the picker; null number means the phone's choice. */
    public record SimChoice(Integer number, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Expiry choices. */
    public enum Expiry {
        NEVER("Never", 0), MINUTES_15("After 15 minutes", 900), HOUR_1("After 1 hour", 3600),
        HOURS_6("After 6 hours", 21_600), DAY_1("After 1 day", 86_400);

        private final String label;
        private final long seconds;

        Expiry(String label, long seconds) {
            this.label = label;
            this.seconds = seconds;
        }

        public long seconds() {
            return seconds;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static final SimChoice AUTO_SIM = new SimChoice(null, "Phone's choice");
    public static final int HIGH_PRIORITY = 100;

    private final StringProperty numbers = new SimpleStringProperty(this, "numbers", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper segments = new ReadOnlyStringWrapper(this, "segments", "");
    private final ObservableList<PhoneChoice> phones = FXCollections.observableArrayList(PhoneChoice.ANY);
    private final ObjectProperty<PhoneChoice> phone = new SimpleObjectProperty<>(this, "phone", PhoneChoice.ANY);
    private final ObservableList<SimChoice> sims = FXCollections.observableArrayList();
    private final ObjectProperty<SimChoice> sim = new SimpleObjectProperty<>(this, "sim", AUTO_SIM);
    private final BooleanProperty highPriority = new SimpleBooleanProperty(this, "highPriority", false);
    private final ObjectProperty<Expiry> expiry = new SimpleObjectProperty<>(this, "expiry", Expiry.NEVER);
    private final BooleanProperty scheduled = new SimpleBooleanProperty(this, "scheduled", false);
    private final ObjectProperty<LocalDate> scheduleDate = new SimpleObjectProperty<>(this, "scheduleDate");
    private final StringProperty scheduleTime = new SimpleStringProperty(this, "scheduleTime", "09:00");
    private final BooleanProperty deliveryReport = new SimpleBooleanProperty(this, "deliveryReport", true);
    private final IntegerProperty recipientCount = new SimpleIntegerProperty(this, "recipientCount", 0);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(this, "canSend", false);
    private final ReadOnlyObjectWrapper<OutgoingMessage> sent = new ReadOnlyObjectWrapper<>(this, "sent");

    ComposeViewModel(Console console) {
        super(console);
        sims.setAll(AUTO_SIM, new SimChoice(1, "SIM 1"), new SimChoice(2, "SIM 2"), new SimChoice(3, "SIM 3"));
        text.addListener((o, a, b) -> validate());
        numbers.addListener((o, a, b) -> validate());
        scheduled.addListener((o, a, b) -> validate());
        scheduleDate.addListener((o, a, b) -> validate());
        scheduleTime.addListener((o, a, b) -> validate());
        phone.addListener((o, a, b) -> updateSims(b));
        scheduleDate.set(LocalDate.ofInstant(console.now(), console.zone()).plusDays(1));
        validate();
    }

    public void load() {
        call("Could not load the phones", () -> console.services().devices().list(console.principal()),
                devices -> phones.setAll(PhoneChoice.of(devices)));
    }

    private void updateSims(PhoneChoice p) {
        List<SimCard> cards = p == null || p.device() == null ? List.of() : p.device().simCards();
        if (cards.isEmpty()) {
            sims.setAll(AUTO_SIM, new SimChoice(1, "SIM 1"), new SimChoice(2, "SIM 2"), new SimChoice(3, "SIM 3"));
        } else {
            sims.setAll(Stream.concat(Stream.of(AUTO_SIM), cards.stream().map(c -> new SimChoice(c.simNumber(),
                    "SIM " + c.simNumber() + label(c)))).toList());
        }
        sim.set(AUTO_SIM);
    }

    private static String label(SimCard c) {
        StringBuilder b = new StringBuilder();
        if (c.carrierName() != null) {
            b.append(" \u00b7 ").append(c.carrierName());
        }
        if (c.phoneNumber() != null) {
            b.append(" \u00b7 ").append(c.phoneNumber());
        }
        return b.toString();
    }

    /** The numbers typed, split at commas, semicolons, spaces and new lines. */
    public List<String> parsedNumbers() {
        String raw = numbers.get() == null ? "" : numbers.get();
        return Arrays.stream(raw.split("[,;\\n\\r]+")).map(s -> s.replaceAll("[\\s()./-]", "")).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    private void validate() {
        segments.set(SmsSegments.count(text.get()).describe());
        recipientCount.set(parsedNumbers().size());
        String p = "";
        if (parsedNumbers().isEmpty()) {
            p = "Add at least one phone number.";
        } else if (text.get() == null || text.get().isEmpty()) {
            p = "Write the message.";
        } else if (scheduled.get() && scheduleAt() == null) {
            p = "Pick a date and a time like 14:30 for the schedule.";
        } else if (scheduled.get() && !scheduleAt().isAfter(console.now())) {
            p = "The scheduled time is in the past.";
        }
        problem.set(p);
        canSend.set(p.isEmpty());
    }

    Instant scheduleAt() {
        if (scheduleDate.get() == null || scheduleTime.get() == null) {
            return null;
        }
        try {
            return scheduleDate.get().atTime(LocalTime.parse(scheduleTime.get().strip()))
                    .atZone(console.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The request as the gateway's API would receive it. */
    public SendRequest request() {
        Long ttl = expiry.get() == Expiry.NEVER ? null : expiry.get().seconds();
        return new SendRequest(null, phone.get() == null ? null : phone.get().deviceId(), null, text.get(), null, null,
                true, false, parsedNumbers(), null, sim.get() == null ? null : sim.get().number(),
                deliveryReport.get(), highPriority.get() ? HIGH_PRIORITY : 0, ttl, null,
                scheduled.get() ? scheduleAt() : null, false, null);
    }

    public void send() {
        validate();
        if (!canSend.get()) {
            return;
        }
        SendRequest r = request();
        call("The message was not accepted", () -> console.services().messages().send(console.principal(), r),
                sent::set);
    }

    public StringProperty numbersProperty() {
        return numbers;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty segmentsProperty() {
        return segments.getReadOnlyProperty();
    }

    public ObservableList<PhoneChoice> phones() {
        return phones;
    }

    public ObjectProperty<PhoneChoice> phoneProperty() {
        return phone;
    }

    public ObservableList<SimChoice> sims() {
        return sims;
    }

    public ObjectProperty<SimChoice> simProperty() {
        return sim;
    }

    public BooleanProperty highPriorityProperty() {
        return highPriority;
    }

    public ObjectProperty<Expiry> expiryProperty() {
        return expiry;
    }

    public BooleanProperty scheduledProperty() {
        return scheduled;
    }

    public ObjectProperty<LocalDate> scheduleDateProperty() {
        return scheduleDate;
    }

    public StringProperty scheduleTimeProperty() {
        return scheduleTime;
    }

    public BooleanProperty deliveryReportProperty() {
        return deliveryReport;
    }

    public IntegerProperty recipientCountProperty() {
        return recipientCount;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OutgoingMessage> sentProperty() {
        return sent.getReadOnlyProperty();
    }
}
