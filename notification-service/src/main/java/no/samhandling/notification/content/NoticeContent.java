package no.samhandling.notification.content;

import java.net.URI;
import java.time.Instant;

/**
 * Everything a notice may say, and nothing else: when, where, which arena (left out when its name is
 * sensitive) and a link to the secured application. There is deliberately no field for anything about a
 * child or a case, so no template can show it.
 *
 * @param startsAt null for notices that are not about a meeting
 * @param arenaTitle null when the arena's name is marked sensitive or unknown
 * @param meetingId the meeting the notice is about, for the calendar UID; null when none
 * @param sequence the calendar SEQUENCE of the meeting's state this notice describes
 */
public record NoticeContent(Instant startsAt, Instant endsAt, String place, String arenaTitle, URI link, String meetingId,
        int sequence) {

    public static NoticeContent forMeeting(String meetingId, int sequence, Instant startsAt, Instant endsAt, String place,
            String arenaTitle, URI link) {
        return new NoticeContent(startsAt, endsAt, place, arenaTitle, link, meetingId, sequence);
    }

    public static NoticeContent withoutMeeting(String arenaTitle, URI link) {
        return new NoticeContent(null, null, null, arenaTitle, link, null, 0);
    }
}
