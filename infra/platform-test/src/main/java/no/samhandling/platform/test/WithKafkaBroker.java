package no.samhandling.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the test's application context its own secured Kafka broker ({@link TestKafkaBroker}) and
 * signs the application in as itself: {@code spring.application.name} is its principal in
 * {@code KafkaAccess}, so the broker's ACLs hold it to its own topic and to what it consumes. An
 * application the table does not know (the platform's own test application) signs in as the super user.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithKafkaBroker {
}
