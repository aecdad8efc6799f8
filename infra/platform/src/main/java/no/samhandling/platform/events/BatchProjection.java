package no.samhandling.platform.events;

import java.util.List;

import org.bson.Document;

import no.samhandling.events.DomainEvent;

/**
 * A client of the engine's batch mode ({@link EventConsumers#batch}): a projection that writes
 * what a whole batch of events changes at once, exactly once in effect, without transactions.
 *
 * <p>For each topic partition's share of a polled batch the engine
 * <ol>
 * <li>completes the partition's journal if one was left by a crash ({@link #apply} again, same plan);</li>
 * <li>drops what the consumer group has applied already (its {@link Watermarks});</li>
 * <li>asks for the {@link #plan} of the rest, and writes it to the journal (one atomic write);</li>
 * <li>{@link #apply applies} it, moves the watermark past the batch, and deletes the journal.</li>
 * </ol>
 * A crash anywhere leaves either nothing (the batch is delivered again and planned afresh) or a
 * journal, which is applied again before the partition's next batch, marked {@link Batch#again}.
 * So {@code apply} must be idempotent for one batch: each write it makes records the batch's
 * {@link Batch#stream} and {@link Batch#position}, and when applying a batch again it skips what
 * already holds that stream at that position. One partition has one consumer at a time, so a
 * stream's batches are applied in order, and nobody else moves a stream's position in between.
 */
public interface BatchProjection {

    /** What the events change, as a document to journal. May read the projection's state; must not write it. */
    Document plan(List<DomainEvent> events);

    /** Writes a planned batch; called again with the same batch and plan after a crash. */
    void apply(Batch batch, Document plan);

    /**
     * Where a batch comes from: a topic partition ({@code referral_events-2}) and the offset of its
     * last record, or a replayed dead letter. Positions only grow within a stream; a stream's name
     * can be a field name.
     *
     * @param again whether the batch is applied again after a crash, so some of its writes may be done
     */
    record Batch(String stream, long position, boolean again) {
    }
}
