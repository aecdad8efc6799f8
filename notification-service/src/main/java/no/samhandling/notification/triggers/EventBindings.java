package no.samhandling.notification.triggers;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import no.samhandling.events.arena.AgendaPublished;
import no.samhandling.events.arena.ArenaRegistered;
import no.samhandling.events.arena.ArenaUpdated;
import no.samhandling.events.arena.MeetingCancelled;
import no.samhandling.events.arena.MeetingRescheduled;
import no.samhandling.events.arena.MeetingScheduled;
import no.samhandling.events.arena.MemberJoined;
import no.samhandling.events.arena.MemberLeft;
import no.samhandling.events.arena.MinutesRecorded;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.events.referral.ReferralAccepted;
import no.samhandling.events.referral.ReferralAnonymised;
import no.samhandling.events.referral.ReferralReturned;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.notification.directory.ArenaDirectory;
import no.samhandling.notification.directory.ReferralDirectory;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.events.EventConsumers;

/**
 * The bindings {@code arenaEvents-in-0} on {@code arena.events}, {@code referralEvents-in-0} on {@code referral.events} and
 * {@code consentEvents-in-0} on {@code consent.events} (only erasure: notices to an erased child's guardians go).
 */
@Configuration
class EventBindings {

    @Bean
    Consumer<Message<byte[]>> arenaEvents(EventConsumers consumers, ArenaDirectory arenas, ArenaRoster roster,
            NoticeTriggers triggers) {
        return consumers.on(ArenaRegistered.class, arenas::on)
                .on(ArenaUpdated.class, arenas::on)
                .on(MemberJoined.class, roster::on)
                .on(MemberLeft.class, roster::on)
                .on(MeetingScheduled.class, triggers::on)
                .on(MeetingRescheduled.class, triggers::on)
                .on(MeetingCancelled.class, triggers::on)
                .on(AgendaPublished.class, triggers::on)
                .on(MinutesRecorded.class, triggers::on)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> referralEvents(EventConsumers consumers, ReferralDirectory referrals, NoticeTriggers triggers) {
        return consumers.on(ReferralSubmitted.class, triggers::on)
                .on(ReferralAccepted.class, triggers::on)
                .on(ReferralReturned.class, triggers::on)
                .on(ReferralAnonymised.class, referrals::on)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> consentEvents(EventConsumers consumers, NoticeTriggers triggers) {
        return consumers.on(SubjectErased.class, triggers::on).build();
    }
}
