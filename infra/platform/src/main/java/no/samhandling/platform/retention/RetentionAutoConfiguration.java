package no.samhandling.platform.retention;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;

/** The meters every retention job reports to. */
@AutoConfiguration(afterName = "no.samhandling.platform.PlatformAutoConfiguration")
public class RetentionAutoConfiguration {

    @Bean
    RetentionMetrics retentionMetrics(MeterRegistry meters, @Value("${spring.application.name}") String service,
            ObjectProvider<Clock> clock) {
        return new RetentionMetrics(meters, service, clock.getIfAvailable(Clock::systemUTC));
    }
}
