package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/** The wire server on a port of its own, so that this test needs none of the fixed ones. */
class MongoWireServerTest {

    @Test
    void storesEachWriteOnceWithoutAnOplogThatWouldKeepEveryDocumentForGood(@TempDir Path dir) {
        MongoServer server = MongoWireServer.create(dir.resolve("samhandling.mv"));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            client.getDatabase("referral-service").getCollection("referrals").insertOne(new Document("_id", "r-1"));

            assertThat(client.getDatabase("referral-service").getCollection("referrals").countDocuments()).isEqualTo(1);
            assertThat(client.getDatabase("local").listCollectionNames()).doesNotContain("oplog.rs");
        } finally {
            server.shutdown();
        }
    }

    @Test
    void answersAQueryOnAUniqueKeyAndMoreFromTheIndexWithTheSameResult(@TempDir Path dir) {
        MongoServer server = MongoWireServer.create(dir.resolve("samhandling.mv"));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> referrals = client.getDatabase("referral-service").getCollection("referrals");
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                many.add(new Document("_id", "r-" + i).append("municipality", i % 2 == 0 ? "1547" : "5601").append("version", 0L));
            }
            referrals.insertMany(many);

            assertThat(referrals.find(Filters.and(Filters.eq("_id", "r-2"), Filters.eq("municipality", "1547"))).first())
                    .containsEntry("_id", "r-2");
            assertThat(referrals.find(Filters.and(Filters.eq("_id", "r-2"), Filters.eq("municipality", "5601"))).first()).isNull();
            assertThat(referrals.find(Filters.and(Filters.eq("_id", "r-missing"), Filters.eq("municipality", "1547"))).first()).isNull();
            assertThat(referrals.updateOne(Filters.and(Filters.eq("_id", "r-3"), Filters.eq("version", 1L)), Updates.set("version", 2L))
                    .getMatchedCount()).isZero();
            assertThat(referrals.updateOne(Filters.and(Filters.eq("_id", "r-3"), Filters.eq("version", 0L)), Updates.set("version", 1L))
                    .getMatchedCount()).isOne();
            assertThat(referrals.find(Filters.eq("_id", "r-3")).first()).containsEntry("version", 1L);

            // Answered from the index, a lookup costs about the same in 20,000 documents as in one;
            // a scan reads all 20,000 each time, several times as long. Interleaved, so both see the same machine.
            MongoCollection<Document> one = client.getDatabase("referral-service").getCollection("one");
            one.insertOne(new Document("_id", "r-0").append("municipality", "1547").append("version", 0L));
            long inMany = 0;
            long inOne = 0;
            for (int i = 0; i < 1_000; i++) {
                long started = System.nanoTime();
                assertThat(referrals.find(Filters.and(Filters.eq("_id", "r-" + (i * 14 % 20_000)), Filters.eq("municipality", "1547"))).first())
                        .isNotNull();
                inMany += System.nanoTime() - started;
                started = System.nanoTime();
                assertThat(one.find(Filters.and(Filters.eq("_id", "r-0"), Filters.eq("municipality", "1547"))).first()).isNotNull();
                inOne += System.nanoTime() - started;
            }
            assertThat(inMany).isLessThan(3 * inOne);
        } finally {
            server.shutdown();
        }
    }
}
