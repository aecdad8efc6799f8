package no.samhandling.platform.access;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import no.samhandling.platform.cluster.ClusterJobs;
import no.samhandling.platform.retention.RetentionMetrics;

/**
 * The one access model of every service: the access log and its endpoints, need-to-know's door
 * ({@link Access}), and the arena roster for services that grant need-to-know by arena.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "no.samhandling.platform.PlatformAutoConfiguration",
        "no.samhandling.platform.cluster.ClusterAutoConfiguration",
        "no.samhandling.platform.retention.RetentionAutoConfiguration"})
@EnableConfigurationProperties(AccessLogRetention.class)
@EnableScheduling
public class AccessAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AccessLog accessLog(MongoTemplate mongo, @Value("${spring.application.name}") String service, ObjectProvider<Clock> clock,
            AccessLogRetention retention, ObjectProvider<ChildLinks> links) {
        return new AccessLog(mongo, service, clock.getIfAvailable(Clock::systemUTC), retention, links.getIfAvailable(() -> ChildLinks.NONE));
    }

    /** The access log's retention job: every service keeps a log, so every service prunes its own. */
    @Bean
    AccessLogPruning accessLogPruning(AccessLog log, AccessLogRetention retention, ClusterJobs jobs, RetentionMetrics metrics) {
        return new AccessLogPruning(log, retention, jobs, metrics);
    }

    @Bean
    @ConditionalOnMissingBean
    Access access(AccessLog log) {
        return new Access(log);
    }

    /** Made only where a service asks for it: only those that consume arena.events keep a roster. */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    ArenaRoster arenaRoster(MongoTemplate mongo) {
        return new ArenaRoster(mongo);
    }

    @Bean
    @ConditionalOnWebApplication
    AccessLogController accessLogController(AccessLog log) {
        return new AccessLogController(log);
    }
}
