package no.samhandling.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import no.samhandling.events.notification.Channel;

/** The guards around a provider, as configured in application.yml, against a provider that misbehaves on cue. */
class ResilientProvidersTest {

    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger permanent = new AtomicInteger();
    volatile CountDownLatch hold = new CountDownLatch(0);
    final ExecutorService other = Executors.newSingleThreadExecutor();

    final SmsProvider sms = (msisdn, text, reference) -> {
        try {
            hold.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (permanent.get() > 0) {
            throw new PermanentDeliveryFailure("RECIPIENT_UNREACHABLE", "refused", null);
        }
        if (failuresLeft.getAndDecrement() > 0) {
            throw new TransientDeliveryFailure("down", null);
        }
        return "gw-1";
    };

    final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50).waitDurationInOpenState(Duration.ofMinutes(1))
            .recordExceptions(TransientDeliveryFailure.class).ignoreExceptions(PermanentDeliveryFailure.class).build());

    final BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(1)
            .maxWaitDuration(Duration.ZERO).build());

    final ResilientProviders providers = new ResilientProviders(new EmailProvider(new JavaMailSenderImpl(), "a@b.example"), sms,
            RetryRegistry.of(RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(10))
                    .retryExceptions(TransientDeliveryFailure.class).build()),
            breakers,
            RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(100).limitRefreshPeriod(Duration.ofSeconds(1))
                    .timeoutDuration(Duration.ZERO).build()),
            bulkheads);

    static Outgoing sms(String reference) {
        return new Outgoing(reference, Channel.SMS, "+4740000001", null, "Hei", null, null);
    }

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    @Test
    void retriesATransientFailureAndCountsEveryCall() {
        failuresLeft.set(1);

        assertThat(providers.deliver(sms("n-1"))).isEqualTo(new DeliveryOutcome.Delivered("gw-1", 2));
    }

    @Test
    void aPermanentRefusalIsNeitherRetriedNorHeldAgainstTheProvider() {
        permanent.set(1);

        for (int i = 0; i < 6; i++) {
            assertThat(providers.deliver(sms("n-" + i))).isEqualTo(new DeliveryOutcome.Refused("RECIPIENT_UNREACHABLE", 1));
        }
        assertThat(breakers.circuitBreaker("sms").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void opensTheCircuitWhenTheProviderKeepsFailingAndThenStopsCallingIt() {
        failuresLeft.set(100);

        assertThat(providers.deliver(sms("n-1"))).isEqualTo(new DeliveryOutcome.NotNow("PROVIDER_UNAVAILABLE", 2));
        assertThat(providers.deliver(sms("n-2"))).isEqualTo(new DeliveryOutcome.NotNow("PROVIDER_UNAVAILABLE", 2));

        assertThat(breakers.circuitBreaker("sms").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(providers.deliver(sms("n-3"))).isEqualTo(new DeliveryOutcome.NotNow("PROVIDER_UNAVAILABLE", 0));
    }

    @Test
    void aFullBulkheadHoldsTheNoticeBackWithoutCallingTheProvider() throws Exception {
        hold = new CountDownLatch(1);
        Future<DeliveryOutcome> first = other.submit(() -> providers.deliver(sms("n-1")));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> bulkheads.bulkhead("sms").getMetrics().getAvailableConcurrentCalls() == 0);

        DeliveryOutcome second = providers.deliver(sms("n-2"));
        hold.countDown();

        assertThat(second).isEqualTo(new DeliveryOutcome.NotNow("PROVIDER_BUSY", 0));
        assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(DeliveryOutcome.Delivered.class);
    }
}
