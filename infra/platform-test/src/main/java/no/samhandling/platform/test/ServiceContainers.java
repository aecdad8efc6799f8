package no.samhandling.platform.test;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** Real Kafka and MongoDB images, wired into the application by {@code @ServiceConnection}. */
public interface ServiceContainers {

    @ServiceConnection
    KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @ServiceConnection
    MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");
}
