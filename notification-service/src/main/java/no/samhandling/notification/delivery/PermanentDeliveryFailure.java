package no.samhandling.notification.delivery;

/**
 * The notice can never be delivered as it is (an invalid number, a rejected address, a request the provider
 * refuses): retrying would not help, so it is recorded as failed at once.
 *
 * @see #reasonCode() a code for NotificationFailed, such as {@code RECIPIENT_UNREACHABLE}; never the provider's text
 */
public class PermanentDeliveryFailure extends RuntimeException {

    private final String reasonCode;

    public PermanentDeliveryFailure(String reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    public String reasonCode() {
        return reasonCode;
    }
}
