package no.samhandling.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * The bare limit of this machine for the same work, measured beside the system in the same run: a
 * plain MongoDB client inserting the documents referral-service wrote (each with the outbox entry
 * it carried) into the same wire server, and a plain idempotent {@code acks=all} producer sending
 * the records the relay sent to the same broker. Both write to scratch places of their own (the
 * database {@value #SCRATCH} and the topic {@value #SCRATCH}) and remove them afterwards, so no
 * service ever sees what they wrote.
 */
final class BareLimits {

    static final String SCRATCH = "load-benchmark-scratch";
    private static final int MONGO_CLIENTS = 8;

    record Result(String what, int count, double perSecond, Latencies.Summary latencies) {

        String format() {
            return String.format(java.util.Locale.ROOT, "%-34s %7.0f/s  %s", what, perSecond, latencies.format());
        }
    }

    /** Inserts {@code count} copies of the referral document, each with a new id, from {@value #MONGO_CLIENTS} threads. */
    static Result mongo(String mongoUri, String referralId, ConsumerRecord<String, byte[]> record, int count) throws InterruptedException {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Document stored = client.getDatabase("referral-service").getCollection("referrals").find(Filters.eq("_id", referralId)).first();
            if (stored == null) {
                throw new IllegalStateException("referral-service's document " + referralId + " was not found in its database");
            }
            stored.put("outbox", List.of(outboxEntry(record)));
            MongoCollection<Document> scratch = client.getDatabase(SCRATCH).getCollection("referrals");
            scratch.drop();
            Latencies latencies = new Latencies();
            AtomicInteger next = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(MONGO_CLIENTS);
            long start = System.nanoTime();
            for (int t = 0; t < MONGO_CLIENTS; t++) {
                threads.execute(() -> {
                    while (next.getAndIncrement() < count) {
                        Document copy = new Document(stored);
                        copy.put("_id", UUID.randomUUID().toString());
                        long begin = System.nanoTime();
                        scratch.insertOne(copy);
                        latencies.add(System.nanoTime() - begin);
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            client.getDatabase(SCRATCH).drop();
            return new Result("MongoDB insertOne, " + MONGO_CLIENTS + " clients", count, count / seconds, latencies.summary());
        }
    }

    /** The outbox entry the referral's document carried, as AggregateStore writes it, from the record the relay sent. */
    static Document outboxEntry(ConsumerRecord<String, byte[]> record) {
        return new Document("eventId", CountedWatch.headerValue(record, "ce_id").orElse(UUID.randomUUID().toString()))
                .append("type", CountedWatch.headerValue(record, "ce_type").orElse(""))
                .append("topic", record.topic())
                .append("key", record.key())
                .append("time", Date.from(Instant.now()))
                .append("municipality", CountedWatch.headerValue(record, "ce_municipality").orElse(""))
                .append("payload", new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Sends {@code count} copies of the record (same headers and value, new keys) as fast as the producer takes them. */
    static Result kafka(Map<String, Object> clientProperties, ConsumerRecord<String, byte[]> sample, int count) throws Exception {
        try (Admin admin = Admin.create(clientProperties)) {
            admin.deleteTopics(List.of(SCRATCH));
            awaitGone(admin);
            admin.createTopics(List.of(new NewTopic(SCRATCH, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Map<String, Object> config = new HashMap<>(clientProperties);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            Latencies latencies = new Latencies();
            CountDownLatch acknowledged = new CountDownLatch(count);
            AtomicInteger failed = new AtomicInteger();
            long start;
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
                producer.partitionsFor(SCRATCH);
                List<Header> headers = new ArrayList<>();
                sample.headers().forEach(headers::add);
                start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    long begin = System.nanoTime();
                    producer.send(new ProducerRecord<>(SCRATCH, null, UUID.randomUUID().toString(), sample.value(), headers),
                            (metadata, error) -> {
                                if (error != null) {
                                    failed.incrementAndGet();
                                } else {
                                    latencies.add(System.nanoTime() - begin);
                                }
                                acknowledged.countDown();
                            });
                }
                acknowledged.await(5, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            admin.deleteTopics(List.of(SCRATCH)).all().get(30, TimeUnit.SECONDS);
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " records were not acknowledged by the broker");
            }
            return new Result("Kafka send, acks=all, idempotent", count, count / seconds, latencies.summary());
        }
    }

    private static void awaitGone(Admin admin) throws Exception {
        for (int i = 0; i < 100 && admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(SCRATCH); i++) {
            Thread.sleep(100);
        }
    }
}
