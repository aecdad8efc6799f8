package no.samhandling.arena.meetings;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

import no.samhandling.arena.catalogue.ArenaLookup;
import no.samhandling.platform.cluster.ClusterJobs;

/**
 * When meetings are planned: at once when an arena's entry is written (its rhythm may have
 * changed, or it was retired), and periodically for every arena, so that the planning horizon
 * moves forward with the calendar (in one instance at a time).
 */
@Configuration
class PlanningTriggers {

    private static final Logger log = LoggerFactory.getLogger(PlanningTriggers.class);

    private final ArenaLookup arenas;
    private final MeetingPlanner planner;
    private final ClusterJobs jobs;
    private final Duration every;

    PlanningTriggers(ArenaLookup arenas, MeetingPlanner planner, ClusterJobs jobs,
            @Value("${samhandling.meetings.planning-interval:PT6H}") Duration every) {
        this.arenas = arenas;
        this.planner = planner;
        this.jobs = jobs;
        this.every = every;
    }

    @EventListener
    void on(ArenaLookup.ScheduleChanged changed) {
        planner.planMeetings(schedule(changed.schedule()));
    }

    @Scheduled(initialDelayString = "${samhandling.meetings.planning-initial-delay:PT30S}",
            fixedDelayString = "${samhandling.meetings.planning-interval:PT6H}")
    void planAllArenas() {
        jobs.runOnce("arena-planning", every, this::planAllArenasHere);
    }

    private void planAllArenasHere() {
        int created = 0;
        for (ArenaLookup.Schedule schedule : arenas.rhythmicSchedules()) {
            created += planner.planMeetings(schedule(schedule));
        }
        if (created > 0) {
            log.info("Planned {} meetings from the arenas' rhythms", created);
        }
    }

    private static MeetingPlanner.ArenaSchedule schedule(ArenaLookup.Schedule schedule) {
        return new MeetingPlanner.ArenaSchedule(schedule.municipality(), schedule.arenaId(), schedule.rhythm(),
                schedule.location(), schedule.cancelIfNoCasesDaysBefore());
    }
}
