package no.samhandling.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/**
 * The cipher against a MongoDB wire server: keys per subject, tampering, erasure and its tombstone, and the access log's
 * links to a child, found and opened while the child exists and by nobody after.
 */
class PersonalDataCipherTest {

    static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String AUKRA = "1547";

    static MongoServer server;
    static MongoClient client;
    static MongoTemplate mongo;
    static PersonalDataCipher cipher;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "keys");
        cipher = cipherWith(MASTER_KEY);
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    static PersonalDataCipher cipherWith(String masterKey) {
        return new PersonalDataCipher(new SubjectKeys(mongo, MasterKey.fromBase64(masterKey),
                Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)));
    }

    static String newSubject() {
        return UUID.randomUUID().toString();
    }

    @Test
    void opensWhatItSealedAndStoresNeitherPlaintextNorAClearKey() {
        String subject = newSubject();

        Sealed sealed = cipher.seal(AUKRA, subject, "name", "Kari Nordmann");

        assertThat(sealed.ciphertext()).doesNotContain("Kari");
        assertThat(cipher.open(subject, sealed)).contains("Kari Nordmann");
        Document key = mongo.getCollection("subject_keys").find(new Document("_id", subject)).first();
        assertThat(key.getString("municipality")).isEqualTo(AUKRA);
        assertThat(key.get("wrappedKey", org.bson.types.Binary.class).getData()).hasSize(12 + 32 + 16);
        assertThat(key.get("createdAt")).isNotNull();
    }

    @Test
    void sealsTheSameTextDifferentlyEachTime() {
        String subject = newSubject();

        assertThat(cipher.seal(AUKRA, subject, "Kari").ciphertext()).isNotEqualTo(cipher.seal(AUKRA, subject, "Kari").ciphertext());
    }

    @Test
    void usesOneKeyPerSubject() {
        String first = newSubject();
        String second = newSubject();
        cipher.seal(AUKRA, first, "a");
        cipher.seal(AUKRA, second, "b");

        byte[] firstKey = mongo.getCollection("subject_keys").find(new Document("_id", first)).first()
                .get("wrappedKey", org.bson.types.Binary.class).getData();
        byte[] secondKey = mongo.getCollection("subject_keys").find(new Document("_id", second)).first()
                .get("wrappedKey", org.bson.types.Binary.class).getData();
        assertThat(firstKey).isNotEqualTo(secondKey);
    }

    @Test
    void refusesTamperedData() {
        String subject = newSubject();
        Sealed sealed = cipher.seal(AUKRA, subject, "name", "Kari Nordmann");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 20] ^= 1;

        Sealed tampered = new Sealed("name", Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> cipher.open(subject, tampered)).isInstanceOf(UnreadableSealedDataException.class)
                .hasMessageNotContaining("Kari");
    }

    @Test
    void refusesDataMovedToAnotherPurpose() {
        String subject = newSubject();
        Sealed sealed = cipher.seal(AUKRA, subject, "name", "Kari Nordmann");

        assertThatThrownBy(() -> cipher.open(subject, new Sealed("email", sealed.ciphertext())))
                .isInstanceOf(UnreadableSealedDataException.class);
    }

    @Test
    void refusesDataOfAnotherSubject() {
        String kari = newSubject();
        String ola = newSubject();
        cipher.seal(AUKRA, ola, "Ola");
        Sealed karis = cipher.seal(AUKRA, kari, "Kari Nordmann");

        assertThatThrownBy(() -> cipher.open(ola, karis)).isInstanceOf(UnreadableSealedDataException.class);
    }

    @Test
    void refusesAWrappedKeyCopiedToAnotherSubject() {
        String kari = newSubject();
        String ola = newSubject();
        Sealed karis = cipher.seal(AUKRA, kari, "Kari Nordmann");
        Document karisKey = mongo.getCollection("subject_keys").find(new Document("_id", kari)).first();
        mongo.getCollection("subject_keys").insertOne(new Document(karisKey).append("_id", ola));

        assertThatThrownBy(() -> cipher.open(ola, karis)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cannotOpenUnderAnotherMasterKey() {
        String subject = newSubject();
        Sealed sealed = cipher.seal(AUKRA, subject, "Kari Nordmann");
        byte[] other = new byte[32];
        other[0] = 1;

        assertThatThrownBy(() -> cipherWith(Base64.getEncoder().encodeToString(other)).open(subject, sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(MASTER_KEY);
    }

    @Test
    void opensNothingOnceErasedAndLeavesOnlyATombstone() {
        String subject = newSubject();
        Sealed name = cipher.seal(AUKRA, subject, "name", "Kari Nordmann");
        Sealed nationalId = cipher.seal(AUKRA, subject, "national-id", "01020312345");

        cipher.erase(subject);

        assertThat(cipher.open(subject, name)).isEmpty();
        assertThat(cipher.open(subject, nationalId)).isEmpty();
        assertThat(cipher.isErased(subject)).isTrue();
        Document tombstone = mongo.getCollection("subject_keys").find(new Document("_id", subject)).first();
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("_id", "erased", "erasedAt");
        assertThat(tombstone.getBoolean("erased")).isTrue();
    }

    @Test
    void givesEachSubjectItsOwnStablePseudonymOfAValueAndNoneOnceErased() {
        String subject = newSubject();
        String sibling = newSubject();

        String pseudonym = cipher.pseudonym(AUKRA, subject, "guardian-login", "guardian-kari");

        assertThat(pseudonym).doesNotContain("kari").matches("pseudonym\\.v1\\.[A-Za-z0-9_-]{22}");
        assertThat(PersonalDataCipher.isPseudonym(pseudonym)).isTrue();
        assertThat(PersonalDataCipher.isPseudonym("guardian-kari")).isFalse();
        assertThat(cipher.pseudonym(AUKRA, subject, "guardian-login", "guardian-kari")).isEqualTo(pseudonym);
        assertThat(cipher.existingPseudonym(subject, "guardian-login", "guardian-kari")).contains(pseudonym);
        assertThat(cipher.pseudonym(AUKRA, sibling, "guardian-login", "guardian-kari")).isNotEqualTo(pseudonym);
        assertThat(cipher.pseudonym(AUKRA, subject, "guardian-login", "guardian-ola")).isNotEqualTo(pseudonym);
        assertThat(cipher.pseudonym(AUKRA, subject, "other-purpose", "guardian-kari")).isNotEqualTo(pseudonym);
        assertThat(cipherWith(Base64.getEncoder().encodeToString(new byte[32])).pseudonym(AUKRA, subject, "guardian-login", "guardian-kari"))
                .as("the pseudonym depends on the subject's key, not on the master key alone").isEqualTo(pseudonym);

        cipher.erase(subject);

        assertThat(cipher.existingPseudonym(subject, "guardian-login", "guardian-kari")).isEmpty();
        assertThatThrownBy(() -> cipher.pseudonym(AUKRA, subject, "guardian-login", "guardian-kari"))
                .isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void refusesToSealForAnErasedSubjectSoALateWriteCannotRecreateItsKey() {
        String subject = newSubject();
        cipher.seal(AUKRA, subject, "Kari Nordmann");
        cipher.erase(subject);

        assertThatThrownBy(() -> cipher.seal(AUKRA, subject, "Kari Nordmann"))
                .isInstanceOf(SubjectErasedException.class)
                .hasMessageContaining(subject)
                .hasMessageNotContaining("Kari");
        assertThat(mongo.getCollection("subject_keys").find(new Document("_id", subject)).first().getBoolean("erased")).isTrue();
    }

    @Test
    void erasingASubjectWithoutAKeyStillBlocksLaterWrites() {
        String subject = newSubject();

        cipher.erase(subject);
        cipher.erase(subject);

        assertThatThrownBy(() -> cipher.seal(AUKRA, subject, "Kari")).isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void opensNothingForASubjectWithoutAKey() {
        String subject = newSubject();
        Sealed elsewhere = cipher.seal(AUKRA, newSubject(), "Kari");

        assertThat(cipher.open(subject, elsewhere)).isEmpty();
    }

    @Test
    void refusesASubjectOfAnotherMunicipality() {
        String subject = newSubject();
        cipher.seal(AUKRA, subject, "Kari");

        assertThatThrownBy(() -> cipher.seal("5028", subject, "Kari")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentFirstUsesShareOneKey() throws Exception {
        String subject = newSubject();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Sealed>> seals = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String text = "text-" + i;
                seals.add(() -> cipher.seal(AUKRA, subject, text));
            }
            List<Sealed> sealed = new ArrayList<>();
            for (Future<Sealed> future : pool.invokeAll(seals)) {
                sealed.add(future.get());
            }

            for (int i = 0; i < sealed.size(); i++) {
                assertThat(cipher.open(subject, sealed.get(i))).contains("text-" + i);
            }
            assertThat(mongo.getCollection("subject_keys").countDocuments(new Document("_id", subject))).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void encodesToOneStringAndBack() {
        String subject = newSubject();
        Sealed sealed = cipher.seal(AUKRA, subject, "phone", "+47 912 34 567");

        Sealed decoded = Sealed.decode(sealed.encoded());

        assertThat(decoded).isEqualTo(sealed);
        assertThat(cipher.open(subject, decoded)).contains("+47 912 34 567");
        assertThat(sealed.encoded().getBytes(StandardCharsets.UTF_8)).asString().startsWith("sealed.v1.phone.");
    }

    @Test
    void revealsNoKeyInToString() {
        assertThat(MasterKey.fromBase64(MASTER_KEY).toString()).doesNotContain(MASTER_KEY).contains("redacted");
        PersonalDataProperties properties = new PersonalDataProperties();
        properties.setMasterKey(MASTER_KEY);
        assertThat(properties.toString()).doesNotContain(MASTER_KEY);
        assertThat(cipher.toString()).doesNotContain(MASTER_KEY);
    }

    @Test
    void theChildsPseudonymLeadsBackToItAndSealedIdsOpenWhileItsKeyExists() {
        ChildLinks links = accessLogLinks();
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
        assertThat(links.pseudonym("5028", child)).as("refused on another municipality's child: no key of it there").isEmpty();
        assertThat(links.seal("5028", child, "access-log-resource", caseId)).isEmpty();
    }

    @Test
    void onceTheChildIsErasedNothingLeadsBackAndTheWayBackWentWithTheKey() {
        ChildLinks links = accessLogLinks();
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

    /** The access log's links to a child (the platform's seam), over this cipher. */
    private static ChildLinks accessLogLinks() {
        return new AccessLogChildLinks(cipher);
    }
}
