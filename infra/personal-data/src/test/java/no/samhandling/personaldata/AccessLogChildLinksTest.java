package no.samhandling.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import no.samhandling.platform.access.ChildLinks;

/** The access log's links to a child under the child's key: found and opened while it exists, and by nobody after. */
class AccessLogChildLinksTest {

    static final String AUKRA = PersonalDataCipherTest.AUKRA;

    static MongoServer server;
    static MongoClient client;
    static MongoTemplate mongo;
    static PersonalDataCipher cipher;
    static ChildLinks links;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "keys");
        cipher = new PersonalDataCipher(new SubjectKeys(mongo, MasterKey.fromBase64(PersonalDataCipherTest.MASTER_KEY), Clock.systemUTC()));
        links = new AccessLogChildLinks(cipher);
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theChildsPseudonymLeadsBackToItAndSealedIdsOpenWhileItsKeyExists() {
        String child = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();

        String pseudonym = links.pseudonym(AUKRA, child).orElseThrow();
        String sealedCase = links.seal(AUKRA, child, "access-log-resource", caseId).orElseThrow();

        assertThat(pseudonym).doesNotContain(child).isEqualTo(links.pseudonym(AUKRA, child).orElseThrow());
        assertThat(links.existingPseudonym(child)).contains(pseudonym);
        assertThat(links.childOf(pseudonym)).contains(child);
        assertThat(sealedCase).doesNotContain(caseId);
        assertThat(links.open(child, sealedCase)).contains(caseId);
        assertThat(links.open(null, sealedCase)).isEmpty();
        assertThat(links.open(child, "written-before-sealing")).contains("written-before-sealing");
        assertThat(links.childOf(child)).as("a plain id is no pseudonym").isEmpty();
    }

    @Test
    void onceTheChildIsErasedNothingLeadsBackAndTheWayBackWentWithTheKey() {
        String child = UUID.randomUUID().toString();
        String pseudonym = links.pseudonym(AUKRA, child).orElseThrow();
        String sealedLogin = links.seal(AUKRA, child, "access-log-reader", "kari-guardian").orElseThrow();

        cipher.erase(child);

        assertThat(links.childOf(pseudonym)).isEmpty();
        assertThat(links.existingPseudonym(child)).isEmpty();
        assertThat(links.open(child, sealedLogin)).isEmpty();
        assertThat(links.pseudonym(AUKRA, child)).isEmpty();
        assertThat(links.seal(AUKRA, child, "access-log-reader", "kari-guardian")).isEmpty();
        Document tombstone = mongo.getCollection(SubjectKeys.COLLECTION).find(new Document("_id", child)).first();
        assertThat(tombstone.toJson()).doesNotContain(pseudonym).contains("\"erased\": true");
    }
}
