package no.samhandling.notification.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The meetings this service knows of from {@code arena.events}: when, where, who, and which calendar SEQUENCE,
 * so that agendas, minutes and reminders can say when and where, and the reminder job knows what is coming.
 */
@Component
public class MeetingDirectory {

    /**
     * @param changedAt when the meeting was last scheduled or moved (the event's time)
     * @param remindedFor the start the last reminder was sent for; a moved meeting is reminded of again
     */
    @Document("meeting_directory")
    public record MeetingEntry(@Id String id, String municipality, String arenaId, Instant startsAt, Instant endsAt,
            String location, List<String> participantUserIds, int sequence, boolean cancelled, Instant changedAt,
            Instant remindedFor) {

        public MeetingEntry {
            participantUserIds = participantUserIds == null ? List.of() : List.copyOf(participantUserIds);
        }
    }

    private final MongoTemplate mongo;

    MeetingDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores the meeting's new state unless a later one is already known (events of one meeting arrive in order,
     * but a replay must not roll it back).
     *
     * @return the state known before, if any
     */
    public Optional<MeetingEntry> apply(MeetingEntry next) {
        Optional<MeetingEntry> before = find(next.municipality(), next.id());
        if (before.isPresent() && before.get().sequence() > next.sequence()) {
            return before;
        }
        Instant remindedFor = before.map(MeetingEntry::remindedFor).orElse(null);
        mongo.save(new MeetingEntry(next.id(), next.municipality(), next.arenaId(), next.startsAt(),
                next.endsAt() != null ? next.endsAt() : before.map(MeetingEntry::endsAt).orElse(null),
                next.location() != null || before.isEmpty() ? next.location() : before.get().location(),
                next.participantUserIds().isEmpty() && before.isPresent() ? before.get().participantUserIds() : next.participantUserIds(),
                next.sequence(), next.cancelled(), next.changedAt(), remindedFor));
        return before;
    }

    public Optional<MeetingEntry> find(String municipality, String meetingId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id").is(meetingId).and("municipality").is(municipality)), MeetingEntry.class));
    }

    /** Meetings starting within the lead time that have not been reminded of for their current start. */
    public List<MeetingEntry> dueForReminder(Instant now, java.time.Duration leadTime) {
        Query query = Query.query(Criteria.where("cancelled").is(false)
                .and("startsAt").gt(now).lte(now.plus(leadTime)));
        return mongo.find(query, MeetingEntry.class).stream()
                .filter(meeting -> !meeting.startsAt().equals(meeting.remindedFor()))
                // A meeting called or moved inside the lead time was just announced; a reminder would repeat it.
                .filter(meeting -> meeting.changedAt() == null || meeting.changedAt().isBefore(meeting.startsAt().minus(leadTime)))
                .toList();
    }

    public void markReminded(MeetingEntry meeting) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(meeting.id()).and("startsAt").is(meeting.startsAt())),
                Update.update("remindedFor", meeting.startsAt()), MeetingEntry.class);
    }
}
