package no.samhandling.reporting.figures;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import no.samhandling.events.referral.ReferralSubmitted;
import no.samhandling.platform.events.EventConsumers;

/** The binding {@code referralEvents-in-0} on {@code referral.events}. */
@Configuration
class ReferralEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> referralEvents(EventConsumers consumers, ReferralFigures figures) {
        return consumers.on(ReferralSubmitted.class, figures::on).build();
    }
}
