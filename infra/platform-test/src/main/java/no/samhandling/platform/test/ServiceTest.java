package no.samhandling.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A component test of one service through its real HTTP API and real topics: the application on a
 * random port, a real Kafka broker (embedded, KRaft) that requires authentication and holds the
 * service to its ACLs ({@link WithKafkaBroker}), a MongoDB wire-protocol server in memory, and
 * tokens verified against the test key pair (see {@link TestTokens}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithKafkaBroker
@TestPropertySource(locations = "classpath:samhandling-test/service-test.properties")
@WithMongoWireServer
public @interface ServiceTest {
}
