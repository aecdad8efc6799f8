package no.samhandling.arena.meetings;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import no.samhandling.platform.security.Caller;

/**
 * Meetings of an arena. Coordinators and administrators run them; members read them (minutes
 * concern children's cases, so leaders and referrers do not).
 */
@RestController
class MeetingController {

    static final String RUN = "hasAnyRole('COORDINATOR', 'ADMIN')";
    static final String READ = "hasAnyRole('COORDINATOR', 'MEMBER', 'ADMIN')";

    private final Meetings meetings;

    MeetingController(Meetings meetings) {
        this.meetings = meetings;
    }

    @PostMapping("/arenas/{arenaId}/meetings")
    @PreAuthorize(RUN)
    ResponseEntity<MeetingView> scheduleMeeting(@PathVariable String arenaId,
            @Valid @RequestBody MeetingRequests.ScheduleMeeting request, Caller caller) {
        MeetingView meeting = meetings.scheduleMeeting(caller, arenaId, request);
        return ResponseEntity.created(URI.create("/meetings/" + meeting.id())).body(meeting);
    }

    @GetMapping("/arenas/{arenaId}/meetings")
    @PreAuthorize(READ)
    List<MeetingView> list(@PathVariable String arenaId, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, Caller caller) {
        return meetings.list(caller, arenaId, from, to);
    }

    @GetMapping("/meetings/{id}")
    @PreAuthorize(READ)
    MeetingView find(@PathVariable String id, Caller caller) {
        return meetings.find(caller, id);
    }

    @PostMapping("/meetings/{id}/reschedule")
    @PreAuthorize(RUN)
    MeetingView rescheduleMeeting(@PathVariable String id, @Valid @RequestBody MeetingRequests.RescheduleMeeting request, Caller caller) {
        return meetings.rescheduleMeeting(caller, id, request);
    }

    @PostMapping("/meetings/{id}/cancel")
    @PreAuthorize(RUN)
    MeetingView cancelMeeting(@PathVariable String id, @Valid @RequestBody MeetingRequests.CancelMeeting request, Caller caller) {
        return meetings.cancelMeeting(caller, id, request.reasonCode());
    }

    @PostMapping("/meetings/{id}/agenda/items")
    @PreAuthorize(RUN)
    MeetingView addToAgenda(@PathVariable String id, @Valid @RequestBody MeetingRequests.AddAgendaItem request, Caller caller) {
        return meetings.addToAgenda(caller, id, request.referralId());
    }

    @PostMapping("/meetings/{id}/agenda/publish")
    @PreAuthorize(RUN)
    MeetingView publishAgenda(@PathVariable String id, Caller caller) {
        return meetings.publishAgenda(caller, id);
    }

    @PutMapping("/meetings/{id}/minutes")
    @PreAuthorize(RUN)
    MeetingView draftMinutes(@PathVariable String id, @Valid @RequestBody MeetingRequests.MinutesDraft request, Caller caller) {
        return meetings.draftMinutes(caller, id, request);
    }

    @PostMapping("/meetings/{id}/minutes/close")
    @PreAuthorize(RUN)
    MeetingView closeMinutes(@PathVariable String id, @RequestBody(required = false) MeetingRequests.CloseMinutes request, Caller caller) {
        return meetings.closeMinutes(caller, id, request != null && Boolean.TRUE.equals(request.acceptItemsWithoutAssignment()));
    }
}
