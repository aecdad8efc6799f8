package no.samhandling.notification.triggers;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import no.samhandling.notification.config.NotificationProperties;
import no.samhandling.notification.directory.MeetingDirectory;
import no.samhandling.notification.directory.MeetingDirectory.MeetingEntry;
import no.samhandling.platform.cluster.ClusterJobs;

/**
 * Reminds participants of a meeting {@code samhandling.notification.reminder.lead-time} (24 hours by default)
 * before it starts, from the meetings known from arena.events and the service's clock.
 */
@Component
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final MeetingDirectory meetings;
    private final NoticeTriggers triggers;
    private final Clock clock;
    private final NotificationProperties.Reminder settings;
    private final ClusterJobs jobs;

    Reminders(MeetingDirectory meetings, NoticeTriggers triggers, Clock clock, NotificationProperties properties, ClusterJobs jobs) {
        this.meetings = meetings;
        this.triggers = triggers;
        this.clock = clock;
        this.settings = properties.reminder();
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${samhandling.notification.reminder.poll-interval:1m}")
    void remindOfComingMeetings() {
        jobs.runOnce("notification-reminders", settings.pollInterval(), this::remindHere);
    }

    private void remindHere() {
        for (MeetingEntry meeting : meetings.dueForReminder(clock.instant(), settings.leadTime())) {
            try {
                triggers.remind(meeting);
            } catch (RuntimeException e) {
                // Not marked as reminded, so the next run tries again.
                log.warn("Reminder for meeting {} not recorded yet: {}", meeting.id(), e.getClass().getSimpleName());
            }
        }
    }
}
