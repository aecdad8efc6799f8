package no.samhandling.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.test.context.TestPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same component test as {@link ServiceTest}, against real {@code apache/kafka} and
 * {@code mongo} images. Where no Docker engine is reachable the test class is skipped, not failed.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Testcontainers(disabledWithoutDocker = true)
@ImportTestcontainers(ServiceContainers.class)
@TestPropertySource(properties = {
        "samhandling.security.public-key-location=classpath:samhandling-test/jwt-public.pem",
        "samhandling.security.issuer=" + TestTokens.ISSUER,
        "samhandling.security.audience=" + TestTokens.AUDIENCE,
        "samhandling.events.partitions=1",
        "samhandling.events.retry.initial-interval=50ms",
        "samhandling.events.retry.max-interval=200ms",
        "samhandling.outbox.poll-interval=100ms",
        "logging.structured.format.console=",
})
public @interface ContainerServiceTest {
}
