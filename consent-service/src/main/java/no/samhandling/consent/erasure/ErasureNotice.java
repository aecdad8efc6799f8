package no.samhandling.consent.erasure;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import no.samhandling.events.consent.SubjectErased;
import no.samhandling.platform.events.AggregateRoot;

/**
 * The announcement that a child was erased, under the id the child went by on the topics: {@code SubjectErased} is
 * keyed by that topic id, so it is its own aggregate rather than the subject's, whose id the topics never saw. Kept
 * as a tombstone of the topic id alone ({@code erasure_notices}: id, municipality, when), which leads to no child, so
 * that an erasure asked for again announces nothing twice.
 */
@Document("erasure_notices")
class ErasureNotice extends AggregateRoot {

    private Instant erasedAt;

    ErasureNotice() {
    }

    static ErasureNotice announce(String municipality, String topicId, Instant now) {
        ErasureNotice notice = new ErasureNotice();
        notice.id = topicId;
        notice.municipality = municipality;
        notice.erasedAt = now;
        notice.raise(new SubjectErased(UUID.randomUUID(), now, municipality, topicId));
        return notice;
    }
}
