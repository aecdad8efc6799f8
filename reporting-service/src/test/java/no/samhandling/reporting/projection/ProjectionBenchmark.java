package no.samhandling.reporting.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import no.samhandling.events.DomainEvent;
import no.samhandling.events.Topics;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.test.TestKafkaBroker;
import no.samhandling.reporting.ReportingServiceApplication;
import no.samhandling.reporting.testdata.EventMother;

/**
 * Replays generated events through the real projections and compares the rate with the bare limit
 * measured in the same run: a plain KafkaConsumer reading the same records and writing the same
 * aggregates with the plain MongoDB driver (no Spring, no dead letters, no deduplication, no
 * journal). Not a test: run it with
 *
 * <pre>./mvnw -pl reporting-service -Pbenchmark test-compile exec:exec [-Dbenchmark.events=1000000]</pre>
 *
 * Both sides use the same real Kafka broker (embedded, KRaft, with authentication and ACLs, as in
 * every other test) and the same MongoDB wire server.
 * The projections' rate is measured on a rebuild: a new consumer group replays every topic from
 * the beginning into a new generation, exactly as {@code POST /reports/rebuild} does.
 */
public final class ProjectionBenchmark {

    private static final int PARTITIONS = 3;

    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("benchmark.events", 1_000_000);
        TestKafkaBroker kafka = TestKafkaBroker.start(PARTITIONS, "reporting-service");
        MongoServer mongoServer = new MongoServer(new MemoryBackend());
        String mongoAddress = "mongodb://127.0.0.1:" + mongoServer.bind().getPort();
        try {
            String brokers = kafka.bootstrapServers();
            // The benchmark's own clients sign in as the broker's super user; the service as itself.
            Map<String, Object> admin = kafka.clientProperties(kafka.adminCredentials());
            System.out.printf("Producing %,d events to %s ...%n", total, brokers);
            long produceStart = System.nanoTime();
            produce(admin, total);
            System.out.printf("Produced in %.1f s%n", seconds(produceStart));

            long bareStart = System.nanoTime();
            long bareCount = bare(admin, mongoAddress + "/bare", total);
            double bareSeconds = seconds(bareStart);
            System.out.printf("Bare limit: %,d events in %.1f s = %,.0f events/s%n", bareCount, bareSeconds, bareCount / bareSeconds);

            long liveStart = System.nanoTime();
            // Command-line arguments: they outrank the platform's defaults (such as the MongoDB on 27017).
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReportingServiceApplication.class).run(
                    "--spring.kafka.bootstrap-servers=" + brokers,
                    "--samhandling.kafka.password=" + kafka.credentials("reporting-service").orElseThrow().password(),
                    "--spring.mongodb.uri=" + mongoAddress + "/reporting",
                    "--server.port=0",
                    "--samhandling.events.partitions=" + PARTITIONS,
                    "--samhandling.security.public-key-location=classpath:samhandling-test/jwt-public.pem",
                    "--logging.structured.format.console=",
                    "--logging.level.root=WARN",
                    "--logging.level.org.apache.kafka=ERROR")) {
                awaitCommitted(admin, new Generation(1).consumerGroup());
                System.out.printf("Live projection caught up (including application start) in %.1f s%n", seconds(liveStart));

                ProjectionConsumers runner = app.getBean(ProjectionConsumers.class);
                Generations generations = app.getBean(Generations.class);
                long rebuildStart = System.nanoTime();
                runner.rebuild();
                while (generations.current().number() != 2) {
                    Thread.sleep(50);
                }
                double rebuildSeconds = seconds(rebuildStart);
                double rate = total / rebuildSeconds;
                System.out.printf("Projections (rebuild replay): %,d events in %.1f s = %,.0f events/s%n", total, rebuildSeconds, rate);
                System.out.printf("Projections reach %.0f %% of the bare limit (target 50 %%)%n", 100 * rate / (bareCount / bareSeconds));
                compare(mongoAddress, generations.current());
            }
        } finally {
            mongoServer.shutdownNow();
            kafka.close();
        }
    }

    private static void produce(Map<String, Object> client, int total) {
        CloudEventCodec codec = new CloudEventCodec("benchmark");
        Map<String, Object> config = new HashMap<>(client);
        config.putAll(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.ACKS_CONFIG, "1"));
        int produced = 0;
        int municipality = 1000;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            while (produced < total) {
                List<DomainEvent> year = EventMother.year(String.valueOf(municipality), 2026, 20_000, 12, municipality);
                for (DomainEvent event : year) {
                    if (produced == total) {
                        break;
                    }
                    producer.send(codec.toRecord(event));
                    produced++;
                }
                municipality++;
            }
            producer.flush();
        }
    }

    /** The bare limit: the same records, the same aggregates, nothing else. */
    private static long bare(Map<String, Object> kafkaClient, String mongoUri, int total) {
        Map<String, Object> config = new HashMap<>(kafkaClient);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bare-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        long consumed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config); MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase database = client.getDatabase("bare");
            MongoCollection<Document> counters = database.getCollection("counters");
            MongoCollection<Document> cases = database.getCollection("cases");
            consumer.subscribe(Topics.ALL);
            while (consumed < total) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                List<DomainEvent> events = new ArrayList<>(records.count());
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    events.add(CloudEventCodec.decode(record.headers(), record.value()));
                }
                Map<String, CaseState> open = new HashMap<>();
                List<String> keys = new ArrayList<>(FigureProjection.caseKeys(events));
                if (!keys.isEmpty()) {
                    cases.find(Filters.in("_id", keys)).forEach(document -> open.put(document.getString("_id"),
                            new CaseState(document.getString("_id"), document.getString("municipality"), document.getString("arenaId"),
                                    java.time.LocalDate.parse(document.getString("submittedOn")), document.getBoolean("discussed", false))));
                }
                Changes changes = FigureProjection.project(events, open);
                List<WriteModel<Document>> counterWrites = new ArrayList<>();
                for (Changes.Increment increment : changes.increments()) {
                    counterWrites.add(new UpdateOneModel<>(Filters.eq("_id", increment.id()), Updates.combine(
                            Updates.setOnInsert("municipality", increment.municipality()),
                            Updates.setOnInsert("metric", increment.metric().name()),
                            Updates.setOnInsert("key", increment.key()),
                            Updates.setOnInsert("month", increment.month()),
                            Updates.inc("count", increment.delta())), new UpdateOptions().upsert(true)));
                }
                if (!counterWrites.isEmpty()) {
                    counters.bulkWrite(counterWrites, new BulkWriteOptions().ordered(false));
                }
                List<WriteModel<Document>> caseWrites = new ArrayList<>();
                for (Map.Entry<String, Optional<CaseState>> change : changes.cases().entrySet()) {
                    Bson id = Filters.eq("_id", change.getKey());
                    caseWrites.add(change.getValue().<WriteModel<Document>>map(state -> new ReplaceOneModel<>(id,
                            new Document("_id", state.key()).append("municipality", state.municipality()).append("arenaId", state.arenaId())
                                    .append("submittedOn", state.submittedOn().toString()).append("discussed", state.discussed()),
                            new ReplaceOptions().upsert(true))).orElse(new DeleteOneModel<>(id)));
                }
                if (!caseWrites.isEmpty()) {
                    cases.bulkWrite(caseWrites, new BulkWriteOptions().ordered(false));
                }
                consumer.commitSync();
                consumed += records.count();
            }
        }
        return consumed;
    }

    private static void awaitCommitted(Map<String, Object> client, String group) throws Exception {
        try (Admin admin = Admin.create(client)) {
            Map<TopicPartition, Long> ends = new HashMap<>();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(client, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : Topics.ALL) {
                    consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
                ends.putAll(consumer.endOffsets(partitions));
            }
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                boolean done = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
                if (done) {
                    return;
                }
                Thread.sleep(200);
            }
        }
    }

    /** The projections and the bare loop must have computed the same counters. */
    private static void compare(String mongoAddress, Generation generation) {
        try (MongoClient client = MongoClients.create(mongoAddress)) {
            Map<String, Long> bare = new HashMap<>();
            client.getDatabase("bare").getCollection("counters").find()
                    .forEach(document -> bare.put(document.getString("_id"), ((Number) document.get("count")).longValue()));
            Map<String, Long> projected = new HashMap<>();
            client.getDatabase("reporting").getCollection(generation.counters()).find()
                    .forEach(document -> projected.put(document.getString("_id"), ((Number) document.get("count")).longValue()));
            System.out.printf("Counters: %,d projected, %,d bare, identical: %s%n", projected.size(), bare.size(), projected.equals(bare));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private ProjectionBenchmark() {
    }
}
