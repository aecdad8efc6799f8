package no.samhandling.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Every stored and published copy, read as raw as a client can: the BSON bytes of each document of each
 * collection of each database, and each record (value, key and headers) of each Kafka topic from its start,
 * dead-letter topics included.
 */
final class RawCopies {

    /** Where a text occurs in MongoDB, as {@code database.collection/_id}. */
    static List<String> mongoDocumentsContaining(String mongoUri, String... texts) {
        return mongoDocumentsContainingEach(mongoUri, texts).values().stream().flatMap(List::stream).toList();
    }

    /** For each text, where it occurs in MongoDB, as {@code database.collection/_id}; one pass over every document. */
    static Map<String, List<String>> mongoDocumentsContainingEach(String mongoUri, String... texts) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String text : texts) {
            found.put(text, new ArrayList<>());
        }
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (String databaseName : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(databaseName);
                for (String collection : database.listCollectionNames()) {
                    for (RawBsonDocument document : database.getCollection(collection, RawBsonDocument.class).find()) {
                        // The document's BSON bytes as stored; strings in BSON are UTF-8, so a text is found as it was written.
                        ByteBuffer bytes = document.getByteBuffer().asNIO();
                        byte[] raw = new byte[bytes.remaining()];
                        bytes.get(raw);
                        for (String text : texts) {
                            if (indexOf(raw, text.getBytes(StandardCharsets.UTF_8)) >= 0) {
                                found.get(text).add(databaseName + "." + collection + "/" + idOf(document));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * Where a text occurs in Kafka, as {@code topic-partition@offset}.
     *
     * @param client bootstrap servers and the credentials of a user who may read every topic (the broker's admin)
     */
    static List<String> kafkaRecordsContaining(Map<String, Object> client, String... texts) throws Exception {
        return kafkaRecordsContainingEach(client, texts).values().stream().flatMap(List::stream).toList();
    }

    /** For each text, where it occurs in Kafka, as {@code topic-partition@offset}; one pass over every topic. */
    static Map<String, List<String>> kafkaRecordsContainingEach(Map<String, Object> client, String... texts) throws Exception {
        Set<String> topics;
        try (Admin admin = Admin.create(client)) {
            topics = admin.listTopics().names().get().stream().filter(topic -> !topic.startsWith("__")).collect(Collectors.toSet());
        }
        Properties config = new Properties();
        config.putAll(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-copies-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String text : texts) {
            found.put(text, new ArrayList<>());
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read every topic to its end within a minute");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder raw = new StringBuilder();
                    raw.append(text(record.key())).append('\n').append(text(record.value()));
                    for (Header header : record.headers()) {
                        raw.append('\n').append(header.key()).append('=').append(text(header.value()));
                    }
                    for (String text : texts) {
                        if (raw.indexOf(text) >= 0) {
                            found.get(text).add(record.topic() + "-" + record.partition() + "@" + record.offset());
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String idOf(RawBsonDocument document) {
        BsonValue id = document.get("_id");
        if (id == null) {
            return "?";
        }
        return id.isString() ? id.asString().getValue() : id.isObjectId() ? id.asObjectId().getValue().toHexString() : id.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private RawCopies() {
    }
}
