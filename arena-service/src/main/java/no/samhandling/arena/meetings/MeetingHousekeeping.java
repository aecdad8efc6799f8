package no.samhandling.arena.meetings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Periodic work on meetings: calling off meetings that have no cases when their arena asks for it. */
@Configuration
@EnableScheduling
class MeetingHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(MeetingHousekeeping.class);

    private final Meetings meetings;

    MeetingHousekeeping(Meetings meetings) {
        this.meetings = meetings;
    }

    @Scheduled(initialDelayString = "${samhandling.meetings.housekeeping-initial-delay:PT1M}",
            fixedDelayString = "${samhandling.meetings.housekeeping-interval:PT1H}")
    void cancelMeetingsWithoutCases() {
        int cancelled = meetings.cancelMeetingsWithoutCases();
        if (cancelled > 0) {
            log.info("Cancelled {} meetings with no cases on their agenda", cancelled);
        }
    }
}
