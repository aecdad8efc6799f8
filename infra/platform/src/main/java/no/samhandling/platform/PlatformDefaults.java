package no.samhandling.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service shares, added with the lowest precedence so that a service's
 * {@code application.yml} or the environment can still override each of them. Keeping them here
 * means five services cannot drift apart on how they consume, expose metrics or log.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "samhandlingPlatformDefaults";
    static final String PAGE_TEXTS = "samhandling/web.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // Consumers: one durable group per service, failures handled by the platform's DeadLetters.
        defaults.put("spring.cloud.stream.default.group", "${spring.application.name}");
        defaults.put("spring.cloud.stream.default.content-type", "application/json");
        defaults.put("spring.cloud.stream.kafka.binder.enable-observation", "true");
        // The event topics are provisioned with the broker's users and ACLs (infra/kafka-access): a service
        // neither creates nor alters them, and declares only its own dead-letter topics (EventsAutoConfiguration).
        defaults.put("spring.cloud.stream.kafka.binder.auto-create-topics", "false");
        defaults.put("spring.cloud.stream.kafka.binder.auto-add-partitions", "false");
        defaults.put("spring.cloud.stream.kafka.default.consumer.start-offset", "earliest");
        // The binder's consumer-lag metric asks for the end offsets of partitions its metadata consumer is not
        // assigned, and kafka-clients 4.0-4.3 warn about each of them ("Not updating high watermark for partition
        // ... as it is no longer assigned"), a steady dozen lines a minute per service that mean nothing. Kafka's
        // KAFKA-20449 makes it DEBUG from 4.4; until then this one logger is quieted. Its other warnings are about
        // transient offset lookups that are retried anyway.
        defaults.put("logging.level.org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils", "ERROR");
        defaults.put("spring.kafka.bootstrap-servers", "127.0.0.1:9092");
        // Every Kafka client of the service (binder, relay, dead letters, admin) signs in as the service itself;
        // the broker's ACLs let it write its own topic and read what it consumes, nothing more.
        defaults.put("samhandling.kafka.username", "${spring.application.name}");
        defaults.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
        defaults.put("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512");
        defaults.put("spring.kafka.properties.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule"
                + " required username=\"${samhandling.kafka.username}\" password=\"${samhandling.kafka.password:}\";");
        defaults.put("spring.kafka.admin.fail-fast", "false");
        // A dead-letter topic that exists already takes a changed samhandling.events.dead-letter-retention at the
        // service's next start (the ACLs let a service alter the configuration of its own dead-letter topics only).
        defaults.put("spring.kafka.admin.modify-topic-configs", "true");
        // MongoDB: one database per service.
        defaults.put("spring.mongodb.uri", "mongodb://127.0.0.1:27017/${spring.application.name}");
        // Problem texts and validation messages in bokmål, nynorsk on Accept-Language: nn; the labels of the codes
        // that travel on events (event-contracts); the shared page layout's texts where the service renders pages.
        defaults.put("spring.messages.basename", new ClassPathResource(PAGE_TEXTS).exists()
                ? "messages,samhandling/problems,samhandling/codes,samhandling/web" : "messages,samhandling/problems,samhandling/codes");
        defaults.put("spring.messages.fallback-to-system-locale", "false");
        defaults.put("spring.messages.encoding", "UTF-8");
        // Operations: health for probes (public), Prometheus and info behind a token.
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "never");
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        defaults.put("management.tracing.sampling.probability", "1.0");
        defaults.put("management.tracing.propagation.type", "w3c");
        // Structured (ECS JSON) logs with trace ids; log statements never carry personal data.
        defaults.put("logging.structured.format.console", "${SAMHANDLING_LOG_FORMAT:ecs}");
        defaults.put("server.error.include-message", "never");
        // Forms are read by Tomcat itself; they get the same limit as every other body (RequestBodyLimit).
        defaults.put("server.tomcat.max-http-form-post-size", "${samhandling.web.max-request-body:1MB}");
        // A page's redirect (after a form) names only the path, so the browser stays on the gateway's address.
        defaults.put("server.tomcat.use-relative-redirects", "true");
        defaults.put("server.shutdown", "graceful");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
