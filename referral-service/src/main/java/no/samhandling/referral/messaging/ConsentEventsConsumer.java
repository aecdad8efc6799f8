package no.samhandling.referral.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import no.samhandling.events.consent.ConsentExpired;
import no.samhandling.events.consent.ConsentGranted;
import no.samhandling.events.consent.ConsentLimited;
import no.samhandling.events.consent.ConsentWithdrawn;
import no.samhandling.events.consent.SubjectErased;
import no.samhandling.platform.events.EventConsumers;
import no.samhandling.referral.intake.ConsentConsequences;

/** The binding {@code consentEvents-in-0} on {@code consent.events}: the consent gate's facts and their consequences. */
@Configuration
class ConsentEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> consentEvents(EventConsumers consumers, ConsentConsequences consequences) {
        return consumers
                .on(ConsentGranted.class, consequences::on)
                .on(ConsentLimited.class, consequences::on)
                .on(ConsentWithdrawn.class, consequences::on)
                .on(ConsentExpired.class, consequences::on)
                .on(SubjectErased.class, consequences::on)
                .build();
    }
}
