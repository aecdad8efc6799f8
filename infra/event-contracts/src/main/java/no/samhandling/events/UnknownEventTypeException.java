package no.samhandling.events;

/**
 * A well-formed CloudEvent of a type this version of the contracts does not know: a newer
 * producer's addition. A consumer cannot have a handler for it, so it skips it as it skips any
 * type it does not handle, rather than dead-lettering every new type until it upgrades.
 */
public class UnknownEventTypeException extends InvalidEventException {

    private final String type;

    public UnknownEventTypeException(String type) {
        super("Unknown event type " + type);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
