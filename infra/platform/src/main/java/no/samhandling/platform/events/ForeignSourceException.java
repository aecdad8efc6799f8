package no.samhandling.platform.events;

import no.samhandling.events.InvalidEventException;

/**
 * A record whose {@code ce_source} is not its topic's owner: someone other than the one service
 * that writes the topic wrote it. It is never handled, and goes straight to the dead-letter topic.
 */
public class ForeignSourceException extends InvalidEventException {

    public ForeignSourceException(String topic, String ownerSource) {
        super("ce_source is not " + ownerSource + ", the only source of " + topic);
    }
}
