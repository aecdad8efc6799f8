package no.samhandling.referral.meetings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MeetingRescheduled;
import no.samhandling.events.arena.MeetingScheduled;
import no.samhandling.events.arena.MinutesRecorded;

/**
 * What referral-service knows of meetings, from arena.events: which arena each belongs to, when it starts,
 * and whether it is still to be held. A coordinator schedules a referral only to a coming meeting of the
 * referral's own arena: the case page offers those, and scheduling checks against the same facts. A cancelled or held meeting never comes back, so a
 * redelivered or late schedule cannot reopen it; otherwise each event sets the meeting's current facts.
 */
@Component
public class MeetingDirectory {

    static final String COLLECTION = "meeting_directory";

    /** Whether the meeting is still to be held. */
    public enum Status {
        SCHEDULED,
        CANCELLED,
        HELD
    }

    public record KnownMeeting(String id, String municipality, String arenaId, Instant startsAt, Status status) {

        /** Scheduled, and not yet begun. */
        public boolean isComing(Instant now) {
            return status == Status.SCHEDULED && startsAt.isAfter(now);
        }
    }

    private final MongoTemplate mongo;

    MeetingDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void on(MeetingScheduled event) {
        recordWhileScheduled(event.aggregateId(), event.municipality(), event.arenaId(), event.startsAt());
    }

    public void on(MeetingRescheduled event) {
        recordWhileScheduled(event.aggregateId(), event.municipality(), event.arenaId(), event.startsAt());
    }

    public void on(MeetingCancelled event) {
        end(event.aggregateId(), event.municipality(), event.arenaId(), Status.CANCELLED);
    }

    public void on(MinutesRecorded event) {
        end(event.aggregateId(), event.municipality(), event.arenaId(), Status.HELD);
    }

    public Optional<KnownMeeting> find(String municipality, String meetingId) {
        Document found = mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("_id", meetingId), Filters.eq("municipality", municipality))).first();
        return Optional.ofNullable(found).map(MeetingDirectory::known);
    }

    /** The arena's meetings still to come, the first first: what a case can be scheduled to. */
    public List<KnownMeeting> coming(String municipality, String arenaId, Instant now) {
        return mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("municipality", municipality), Filters.eq("arenaId", arenaId),
                        Filters.eq("status", Status.SCHEDULED.name()), Filters.gt("startsAt", Date.from(now))))
                .sort(Sorts.ascending("startsAt"))
                .map(MeetingDirectory::known)
                .into(new ArrayList<>());
    }

    private static KnownMeeting known(Document meeting) {
        return new KnownMeeting(meeting.getString("_id"), meeting.getString("municipality"), meeting.getString("arenaId"),
                meeting.getDate("startsAt") == null ? Instant.MIN : meeting.getDate("startsAt").toInstant(),
                Status.valueOf(meeting.getString("status")));
    }

    private void recordWhileScheduled(String meetingId, String municipality, String arenaId, Instant startsAt) {
        Bson update = Updates.combine(Updates.set("municipality", municipality), Updates.set("arenaId", arenaId),
                Updates.set("startsAt", Date.from(startsAt)), Updates.set("status", Status.SCHEDULED.name()));
        // An ended meeting keeps its end: the filter misses it and the upsert's insert hits its _id.
        try {
            mongo.getCollection(COLLECTION).updateOne(
                    Filters.and(Filters.eq("_id", meetingId), Filters.eq("status", Status.SCHEDULED.name())),
                    update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException endedAlready) {
            if (endedAlready.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw endedAlready;
            }
        }
    }

    private void end(String meetingId, String municipality, String arenaId, Status status) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", meetingId),
                Updates.combine(Updates.set("municipality", municipality), Updates.set("arenaId", arenaId),
                        Updates.set("status", status.name())),
                new UpdateOptions().upsert(true));
    }
}
