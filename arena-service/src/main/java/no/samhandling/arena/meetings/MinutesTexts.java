package no.samhandling.arena.meetings;

import java.util.List;

import org.springframework.stereotype.Component;

import no.samhandling.personaldata.PersonalDataCipher;
import no.samhandling.personaldata.Sealed;
import no.samhandling.personaldata.SubjectErasedException;

/**
 * The words of the minutes about a named case (topic, outcome, task) may name the child, so they are stored sealed
 * under the child's key in this service's {@code subject_keys} (the same crypto-shredding every service that keeps a
 * child's data uses), never in plain words: not in the meeting document, nor in MongoDB's oplog or backups. The
 * arena's members read them opened; once the child is erased the key is gone and so are the words, wherever a copy
 * went. Texts of an anonymous case or of a topic without a case stay plain: they must not name a child.
 */
@Component
class MinutesTexts {

    private static final String PURPOSE = "minutes-text";

    private final NamedCases namedCases;
    private final PersonalDataCipher cipher;

    MinutesTexts(NamedCases namedCases, PersonalDataCipher cipher) {
        this.namedCases = namedCases;
        this.cipher = cipher;
    }

    /** Seals each entry about a named case under its child's key. */
    List<Meeting.MinutesEntry> sealed(String municipality, List<Meeting.MinutesEntry> entries) {
        return entries.stream().map(entry -> entry.referralId() == null ? entry
                : namedCases.childOf(municipality, entry.referralId()).map(child -> sealed(municipality, child, entry)).orElse(entry))
                .toList();
    }

    /** A child erased since its case came on the agenda keeps no words in the minutes. */
    private Meeting.MinutesEntry sealed(String municipality, String child, Meeting.MinutesEntry entry) {
        try {
            return entry.withTexts(text -> cipher.seal(municipality, child, PURPOSE, text).encoded(), child);
        } catch (SubjectErasedException erased) {
            return entry.withTexts(text -> null, null);
        }
    }

    /** The meeting as its members read it: sealed texts opened, or none once their child is erased. */
    MeetingView opened(MeetingView meeting) {
        if (meeting.minutes().stream().noneMatch(entry -> entry.sealedFor() != null)) {
            return meeting;
        }
        List<Meeting.MinutesEntry> minutes = meeting.minutes().stream().map(entry -> entry.sealedFor() == null ? entry
                : entry.withTexts(text -> cipher.open(entry.sealedFor(), Sealed.decode(text)).orElse(null), null)).toList();
        return new MeetingView(meeting.id(), meeting.arenaId(), meeting.startsAt(), meeting.endsAt(), meeting.location(),
                meeting.status(), meeting.sequence(), meeting.participants(), meeting.agenda(), meeting.agendaPublishedAt(),
                minutes, meeting.itemsWithoutAssignment(), meeting.minutesClosedAt(), meeting.cancellationReason(),
                meeting.cancelIfNoCasesDaysBefore());
    }
}
