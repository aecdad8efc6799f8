package no.samhandling.referral.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaRetired;
import no.samhandling.events.arena.ArenaUpdated;
import no.samhandling.events.arena.MemberJoined;
import no.samhandling.events.arena.MemberLeft;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.platform.events.EventConsumers;
import no.samhandling.referral.arenas.ArenaDirectory;
import no.samhandling.referral.arenas.ArenaMembers;
import no.samhandling.referral.intake.Lifecycle;

/**
 * The binding {@code arenaEvents-in-0} on {@code arena.events}: the arena directory and its
 * members, and minutes for the lifecycle.
 */
@Configuration
class ArenaEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> arenaEvents(EventConsumers consumers, ArenaDirectory directory, ArenaMembers members,
            Lifecycle lifecycle) {
        return consumers
                .on(ArenaRegistered.class, directory::on)
                .on(ArenaUpdated.class, directory::on)
                .on(ArenaRetired.class, directory::on)
                .on(MemberJoined.class, members::on)
                .on(MemberLeft.class, members::on)
                .on(MinutesRecorded.class, lifecycle::on)
                .build();
    }
}
