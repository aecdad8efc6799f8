package no.samhandling.notification.delivery;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import no.samhandling.notification.config.NotificationProperties;
import no.samhandling.platform.cluster.ClusterJobs;

/** The providers, their resilience guards and the dispatcher. */
@Configuration
class DeliveryConfig {

    @Bean
    EmailProvider emailProvider(JavaMailSender mail, NotificationProperties properties) {
        return new EmailProvider(mail, properties.mail().from());
    }

    @Bean
    SmsProvider smsProvider(NotificationProperties properties) {
        NotificationProperties.Sms sms = properties.sms();
        return new HttpSmsGateway(sms.baseUrl(), sms.apiKey(), sms.sender(), sms.timeout());
    }

    @Bean
    ResilientProviders resilientProviders(EmailProvider email, SmsProvider sms, RetryRegistry retries,
            CircuitBreakerRegistry breakers, RateLimiterRegistry rateLimiters, BulkheadRegistry bulkheads) {
        return new ResilientProviders(email, sms, retries, breakers, rateLimiters, bulkheads);
    }

    @Bean(destroyMethod = "shutdown")
    Dispatcher dispatcher(Notifications notifications, ResilientProviders providers, Clock clock,
            NotificationProperties properties, MeterRegistry meters, ClusterJobs jobs) {
        return new Dispatcher(notifications, providers, clock, properties, meters, jobs);
    }
}
