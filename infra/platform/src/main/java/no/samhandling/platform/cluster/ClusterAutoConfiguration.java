package no.samhandling.platform.cluster;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Leases in the service's MongoDB, for what must run in one instance at a time. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        beforeName = "no.samhandling.platform.events.EventsAutoConfiguration")
public class ClusterAutoConfiguration {

    @Bean
    Leases leases(MongoTemplate mongo) {
        // The wall clock, not the service's Clock: tests stop and move that one, and leases are about real time.
        return new Leases(mongo, Clock.systemUTC());
    }

    @Bean
    ClusterJobs clusterJobs(Leases leases, @Value("${samhandling.jobs.max-run:PT5M}") Duration maxRun) {
        return new ClusterJobs(leases, maxRun);
    }
}
