package no.samhandling.referral.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaRetired;
import no.samhandling.events.arena.ArenaUpdated;
import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MeetingRescheduled;
import no.samhandling.events.arena.MeetingScheduled;
import no.samhandling.events.arena.MemberJoined;
import no.samhandling.events.arena.MemberLeft;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.events.EventConsumers;
import no.samhandling.referral.arenas.ArenaDirectory;
import no.samhandling.referral.intake.Lifecycle;
import no.samhandling.referral.meetings.MeetingDirectory;

/**
 * The binding {@code arenaEvents-in-0} on {@code arena.events}: the arena directory, the arena
 * roster (the platform's, for need-to-know), the meeting directory that scheduling is checked against, and minutes for the lifecycle.
 */
@Configuration
class ArenaEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> arenaEvents(EventConsumers consumers, ArenaDirectory directory, ArenaRoster roster,
            MeetingDirectory meetings, Lifecycle lifecycle) {
        return consumers
                .on(ArenaRegistered.class, directory::on)
                .on(ArenaUpdated.class, directory::on)
                .on(ArenaRetired.class, directory::on)
                .on(MemberJoined.class, roster::on)
                .on(MemberLeft.class, roster::on)
                .on(MeetingScheduled.class, meetings::on)
                .on(MeetingRescheduled.class, meetings::on)
                .on(MeetingCancelled.class, meetings::on)
                .on(MinutesRecorded.class, minutes -> {
                    meetings.on(minutes);
                    lifecycle.on(minutes);
                })
                .build();
    }
}
