package no.samhandling.arena.meetings;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import no.samhandling.events.referral.ReferralScheduled;
import no.samhandling.platform.events.EventConsumers;

/** The binding {@code referralEvents-in-0} on {@code referral.events}: accepted referrals fill agendas. */
@Configuration
class ReferralEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> referralEvents(EventConsumers consumers, Meetings meetings) {
        return consumers.on(ReferralScheduled.class, meetings::on).build();
    }
}
