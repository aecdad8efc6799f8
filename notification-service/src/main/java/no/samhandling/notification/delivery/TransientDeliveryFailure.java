package no.samhandling.notification.delivery;

/** The provider could not take the notice now (down, overloaded, timed out); trying again later may work. */
public class TransientDeliveryFailure extends RuntimeException {

    public TransientDeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
