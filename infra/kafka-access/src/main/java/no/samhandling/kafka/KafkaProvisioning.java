package no.samhandling.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.TopicConfig;

import no.samhandling.events.Topics;

/**
 * Brings a broker to {@link KafkaAccess}: the four event topics exist (kept for good), every
 * principal has its SCRAM password, and the principals' ACLs are exactly the table's, so a right
 * taken out of the table is taken off the broker too (other users' ACLs are left alone). Idempotent,
 * and quick enough for every start. Runs as {@link KafkaAccess#ADMIN}, the broker's super user.
 */
public final class KafkaProvisioning {

    /** The least SCRAM-SHA-512 allows; the client pays it once per connection. */
    static final int ITERATIONS = 4096;
    private static final String KEEP_FOREVER = "-1";
    private static final long TIMEOUT_SECONDS = 30;

    private KafkaProvisioning() {
    }

    /**
     * @param users             the principals' credentials; each gets its password (again)
     * @param partitions        partitions of an event topic that is created now
     * @param replicationFactor replicas of an event topic that is created now
     */
    public static void apply(Admin admin, Collection<KafkaCredentials> users, int partitions, short replicationFactor) {
        try {
            createEventTopics(admin, partitions, replicationFactor);
            setPasswords(admin, users);
            reconcileAcls(admin);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Provisioning Kafka failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT_SECONDS + " s while provisioning", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning Kafka", e);
        }
    }

    private static void createEventTopics(Admin admin, int partitions, short replicationFactor)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<NewTopic> missing = Topics.ALL.stream()
                .filter(topic -> !existing.contains(topic))
                .map(topic -> new NewTopic(topic, partitions, replicationFactor)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, KEEP_FOREVER)))
                .toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void setPasswords(Admin admin, Collection<KafkaCredentials> users)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<UserScramCredentialAlteration> alterations = new ArrayList<>();
        for (KafkaCredentials user : users) {
            alterations.add(new UserScramCredentialUpsertion(user.username(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), user.password()));
        }
        if (!alterations.isEmpty()) {
            admin.alterUserScramCredentials(alterations).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void reconcileAcls(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        Set<AclBinding> wanted = new HashSet<>(KafkaAccess.aclBindings());
        Set<AclBinding> present = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        // Only the table's own users' rights are taken away: a shared cluster's other ACLs are not ours.
        Set<String> ours = new HashSet<>();
        KafkaAccess.principals().forEach(principal -> ours.add("User:" + principal));
        List<AclBindingFilter> stale = present.stream()
                .filter(binding -> ours.contains(binding.entry().principal()) && !wanted.contains(binding))
                .map(AclBinding::toFilter).toList();
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        List<AclBinding> missing = wanted.stream().filter(binding -> !present.contains(binding)).toList();
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** The environment variable that holds a principal's password: {@code SAMHANDLING_KAFKA_PASSWORD_ARENA_SERVICE}. */
    public static String passwordVariable(String principal) {
        return "SAMHANDLING_KAFKA_PASSWORD_" + principal.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * For a broker that is not the local runtime's (compose): {@code KAFKA_BOOTSTRAP_SERVERS},
     * {@code SAMHANDLING_KAFKA_ADMIN_PASSWORD}, and {@link #passwordVariable} for every principal.
     * Waits up to a minute for the broker.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        List<KafkaCredentials> users = new ArrayList<>();
        for (String principal : KafkaAccess.principals()) {
            users.add(new KafkaCredentials(principal, required(env, passwordVariable(principal))));
        }
        Map<String, Object> config = new HashMap<>(
                new KafkaCredentials(KafkaAccess.ADMIN, required(env, "SAMHANDLING_KAFKA_ADMIN_PASSWORD")).clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, required(env, "KAFKA_BOOTSTRAP_SERVERS"));
        int partitions = Integer.parseInt(env.getOrDefault("SAMHANDLING_EVENTS_PARTITIONS", "3"));
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    apply(admin, users, partitions, (short) 1);
                    System.out.println("Kafka provisioned: event topics, " + users.size() + " users, "
                            + KafkaAccess.aclBindings().size() + " ACLs");
                    return;
                } catch (IllegalStateException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(2_000);
                }
            }
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
