package no.samhandling.arena.meetings;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import no.samhandling.events.consent.ConsentExpired;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentLimited;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.events.referral.ReferralAnonymised;
import no.samhandling.events.referral.ReferralClosed;
import no.samhandling.events.referral.ReferralEscalated;
import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.events.referral.ReferralWithdrawn;
import no.samhandling.platform.events.EventConsumers;

/**
 * The bindings {@code referralEvents-in-0} on {@code referral.events} (scheduled referrals fill
 * agendas, and leave the agenda they were on before, and bring the child's guardians where the case allows it) and {@code consentEvents-in-0}
 * on {@code consent.events} (whether a case's consent still lets its guardians take part).
 */
@Configuration
class ReferralEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> referralEvents(EventConsumers consumers, Meetings meetings, CaseGuardians guardians,
            ScheduledReferrals scheduledReferrals, NamedCases namedCases) {
        return consumers
                .on(ReferralSubmitted.class, submitted -> {
                    namedCases.on(submitted);
                    guardians.on(submitted);
                })
                .on(ReferralScheduled.class, scheduled -> {
                    meetings.on(scheduled);
                    guardians.on(scheduled);
                })
                .on(ReferralAnonymised.class, anonymised -> {
                    guardians.on(anonymised);
                    namedCases.on(anonymised);
                })
                .on(ReferralWithdrawn.class, withdrawn -> {
                    scheduledReferrals.on(withdrawn);
                    guardians.on(withdrawn);
                })
                .on(ReferralClosed.class, scheduledReferrals::on)
                .on(ReferralEscalated.class, scheduledReferrals::on)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> consentEvents(EventConsumers consumers, CaseGuardians guardians) {
        return consumers
                .on(ConsentGranted.class, guardians::on)
                .on(ConsentLimited.class, guardians::on)
                .on(ConsentWithdrawn.class, guardians::on)
                .on(ConsentExpired.class, guardians::on)
                .on(SubjectErased.class, guardians::on)
                .build();
    }
}
