package no.samhandling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

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
}
