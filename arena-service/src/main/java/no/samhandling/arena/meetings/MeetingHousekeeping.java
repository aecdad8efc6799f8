package no.samhandling.arena.meetings;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import no.samhandling.platform.cluster.ClusterJobs;

/** Periodic work on meetings, in one instance at a time: calling off meetings that have no cases when their arena asks for it. */
@Configuration
@EnableScheduling
class MeetingHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(MeetingHousekeeping.class);

    private final Meetings meetings;
    private final ClusterJobs jobs;
    private final Duration every;

    MeetingHousekeeping(Meetings meetings, ClusterJobs jobs,
            @Value("${samhandling.meetings.housekeeping-interval:PT1H}") Duration every) {
        this.meetings = meetings;
        this.jobs = jobs;
        this.every = every;
    }

    @Scheduled(initialDelayString = "${samhandling.meetings.housekeeping-initial-delay:PT1M}",
            fixedDelayString = "${samhandling.meetings.housekeeping-interval:PT1H}")
    void cancelMeetingsWithoutCases() {
        jobs.runOnce("arena-housekeeping", every, this::cancelHere);
    }

    private void cancelHere() {
        int cancelled = meetings.cancelMeetingsWithoutCases();
        if (cancelled > 0) {
            log.info("Cancelled {} meetings with no cases on their agenda", cancelled);
        }
    }
}
