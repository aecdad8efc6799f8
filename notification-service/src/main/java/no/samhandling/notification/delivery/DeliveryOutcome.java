package no.samhandling.notification.delivery;

/** What came of handing a notice to its provider, with how many calls it took. */
sealed interface DeliveryOutcome {

    int calls();

    /** The provider took it. */
    record Delivered(String messageId, int calls) implements DeliveryOutcome {
    }

    /** It can never be delivered as it is. */
    record Refused(String reasonCode, int calls) implements DeliveryOutcome {
    }

    /** Not now: the provider is down, its circuit is open, or its rate or concurrency limit is reached. */
    record NotNow(String reasonCode, int calls) implements DeliveryOutcome {
    }
}
