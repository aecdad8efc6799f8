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
 * The image's broker takes clients without authentication (its start script cannot bootstrap
 * SCRAM credentials), so the service connects in plain text here; authentication and ACLs are
 * proven on {@link ServiceTest}'s broker and in the system tests.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Testcontainers(disabledWithoutDocker = true)
@ImportTestcontainers(ServiceContainers.class)
@TestPropertySource(locations = "classpath:samhandling-test/service-test.properties",
        properties = "spring.kafka.security.protocol=PLAINTEXT")
public @interface ContainerServiceTest {
}
