package no.samhandling.platform.events;

import org.apache.kafka.common.header.Headers;

/**
 * A consumer that a dead-lettered record can be handed to again, after its cause was fixed: the
 * same intake, the same handlers, the same deduplication by event id, but not by offset, since the
 * consumer moved past the record's offset when it dead-lettered it.
 */
interface Replay {

    /** The consumer group whose dead-letter topics this consumer's failures go to. */
    String deadLetterGroup();

    /**
     * @param replayId identifies the dead letter, so that a replay interrupted by a crash is completed, not repeated
     * @throws no.samhandling.events.InvalidEventException when the record is still not a valid event
     */
    ReplayOutcome replay(String topic, int partition, String replayId, Headers headers, byte[] value);
}
