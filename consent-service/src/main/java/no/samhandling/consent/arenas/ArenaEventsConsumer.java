package no.samhandling.consent.arenas;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaUpdated;
import no.samhandling.events.arena.MemberJoined;
import no.samhandling.events.arena.MemberLeft;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.events.EventConsumers;

/**
 * The binding {@code arenaEvents-in-0} on {@code arena.events}: which services sit in each arena
 * (for consent coverage), and who sits in it (the platform's roster, for need-to-know).
 */
@Configuration
class ArenaEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> arenaEvents(EventConsumers consumers, ArenaParties arenas, ArenaRoster roster) {
        return consumers
                .on(ArenaRegistered.class, arenas::on)
                .on(ArenaUpdated.class, arenas::on)
                .on(MemberJoined.class, roster::on)
                .on(MemberLeft.class, roster::on)
                .build();
    }
}
