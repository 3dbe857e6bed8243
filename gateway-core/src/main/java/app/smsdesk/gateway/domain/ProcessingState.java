package app.smsdesk.gateway.domain;

import java.util.Arrays;
import java.util.Optional;

/** Message and recipient states, in the order a message moves through them. */
public enum ProcessingState {
    Pending(0), Cancelling(0), Processed(1), Sent(2), Delivered(3), Failed(4), Cancelled(4);

    private final int rank;

    ProcessingState(int rank) {
        this.rank = rank;
    }

    /** Higher rank means further along; Failed and Cancelled are final. */
    public int rank() {
        return rank;
    }

    public boolean isFinal() {
        return this == Failed || this == Cancelled;
    }

    public boolean isOpen() {
        return this == Pending || this == Cancelling;
    }

    private static final java.util.Map<String, ProcessingState> BY_NAME = Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Enum::name, s -> s));

    public static Optional<ProcessingState> parse(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
    }
}
