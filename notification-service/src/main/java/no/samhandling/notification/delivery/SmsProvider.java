package no.samhandling.notification.delivery;

/** An SMS gateway. */
public interface SmsProvider {

    /**
     * Hands one text message to the gateway.
     *
     * @param msisdn the recipient's number in E.164
     * @param reference the notification id, for the gateway's own deduplication and delivery reports
     * @return the gateway's id of the message
     * @throws TransientDeliveryFailure when trying again later may work
     * @throws PermanentDeliveryFailure when it never will
     */
    String send(String msisdn, String text, String reference);
}
