package no.samhandling.notification.delivery;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import no.samhandling.events.notification.Channel;

/**
 * Each provider behind its own Resilience4j retry (with exponential backoff), circuit breaker, rate limiter and
 * bulkhead, configured per instance ({@code email}, {@code sms}) under {@code resilience4j.*} in application.yml.
 * The retry is outermost, so every attempt passes the breaker and the limits; an open breaker, a spent rate or a
 * full bulkhead is not retried here: the notice stays pending and the dispatcher comes back to it.
 */
class ResilientProviders {

    private final Map<Channel, Function<Outgoing, String>> providers = new EnumMap<>(Channel.class);
    private final Map<Channel, Guards> guards = new EnumMap<>(Channel.class);

    private record Guards(Retry retry, CircuitBreaker circuitBreaker, RateLimiter rateLimiter, Bulkhead bulkhead) {
    }

    ResilientProviders(EmailProvider email, SmsProvider sms, RetryRegistry retries, CircuitBreakerRegistry breakers,
            RateLimiterRegistry rateLimiters, BulkheadRegistry bulkheads) {
        providers.put(Channel.EMAIL, email::send);
        providers.put(Channel.SMS, outgoing -> sms.send(outgoing.address(), outgoing.text(), outgoing.reference()));
        for (Channel channel : Channel.values()) {
            String name = instance(channel);
            guards.put(channel, new Guards(retries.retry(name), breakers.circuitBreaker(name), rateLimiters.rateLimiter(name),
                    bulkheads.bulkhead(name)));
        }
    }

    static String instance(Channel channel) {
        return channel.name().toLowerCase(java.util.Locale.ROOT);
    }

    DeliveryOutcome deliver(Outgoing outgoing) {
        AtomicInteger calls = new AtomicInteger();
        Function<Outgoing, String> provider = providers.get(outgoing.channel());
        Guards guard = guards.get(outgoing.channel());
        Supplier<String> call = () -> {
            calls.incrementAndGet();
            return provider.apply(outgoing);
        };
        Supplier<String> guarded = Bulkhead.decorateSupplier(guard.bulkhead(), call);
        guarded = RateLimiter.decorateSupplier(guard.rateLimiter(), guarded);
        guarded = CircuitBreaker.decorateSupplier(guard.circuitBreaker(), guarded);
        guarded = Retry.decorateSupplier(guard.retry(), guarded);
        try {
            return new DeliveryOutcome.Delivered(guarded.get(), calls.get());
        } catch (PermanentDeliveryFailure e) {
            return new DeliveryOutcome.Refused(e.reasonCode(), calls.get());
        } catch (TransientDeliveryFailure | CallNotPermittedException e) {
            return new DeliveryOutcome.NotNow("PROVIDER_UNAVAILABLE", calls.get());
        } catch (RequestNotPermitted e) {
            return new DeliveryOutcome.NotNow("RATE_LIMITED", calls.get());
        } catch (BulkheadFullException e) {
            return new DeliveryOutcome.NotNow("PROVIDER_BUSY", calls.get());
        }
    }
}
