package app.smsdesk.gateway.domain;

/**
 * A SIM card a phone reported (numbers arrive redacted to their last digits).
 *
 * @param slotIndex 0-based slot
 * @param simNumber 1-based SIM number used by {@code simNumber} when sending
 * @param phoneNumber the card's number, may be null
 * @param carrierName the carrier, may be null
 * @param iccid the card id, may be null
 */
public record SimCard(int slotIndex, int simNumber, String phoneNumber, String carrierName, String iccid) {
}
