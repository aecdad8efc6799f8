package no.samhandling.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import no.samhandling.events.Topics;

/**
 * Who may do what on the event backbone, as the broker's ACLs: the one table behind the local
 * runtime's broker, the test broker and compose.
 *
 * <ul>
 * <li>Each service writes only its own topics (referral-service two: {@code referral.events} and
 *     {@code leadership.events}), and reads only the topics its bindings consume
 *     (each service's {@code application.yml} is the truth; a component test of a service whose
 *     bindings outgrow this table fails on its broker).</li>
 * <li>Each principal joins only consumer groups named after itself ({@code reporting-service.g2}
 *     too), so nobody can read as, or reset the offsets of, another service.</li>
 * <li>A service creates and writes its own dead-letter topics, {@code <topic>.<group>.dlq} with its
 *     own group, and no other topic: the event topics belong to whoever runs the broker, who
 *     creates them with their retention (kept for good) and partitions before any service starts.</li>
 * <li>The external reader (another system) reads every event topic in groups of its own and writes nothing.</li>
 * </ul>
 *
 * The broker's own user, {@link #ADMIN}, is its only super user.
 */
public final class KafkaAccess {

    /** The broker's own user: inter-broker and controller traffic, and the administrator that provisions the rest. */
    public static final String ADMIN = "admin";
    /** Read-only credentials for another system that follows the events. */
    public static final String EXTERNAL_READER = "external-reader";

    /** Every principal but {@link #ADMIN}, with what it may write and read. */
    public static final List<Grant> GRANTS = List.of(
            Grant.service("arena-service", Topics.ARENA_EVENTS, Topics.REFERRAL_EVENTS, Topics.CONSENT_EVENTS),
            new Grant("referral-service", List.of(Topics.REFERRAL_EVENTS, Topics.LEADERSHIP_EVENTS),
                    List.of(Topics.ARENA_EVENTS, Topics.CONSENT_EVENTS), true),
            Grant.service("consent-service", Topics.CONSENT_EVENTS, Topics.ARENA_EVENTS),
            Grant.service("notification-service", Topics.NOTIFICATION_EVENTS, Topics.ARENA_EVENTS, Topics.REFERRAL_EVENTS,
                    Topics.CONSENT_EVENTS),
            Grant.service("reporting-service", null, Topics.ALL.toArray(String[]::new)),
            Grant.reader(EXTERNAL_READER, Topics.ALL));

    /**
     * What one principal may do.
     *
     * @param principal   the SCRAM user name; a service's is its {@code spring.application.name}
     * @param produces    the topics it publishes to, if any
     * @param consumes    the topics it reads
     * @param deadLetters whether it parks records it cannot handle on dead-letter topics of its own
     */
    public record Grant(String principal, List<String> produces, List<String> consumes, boolean deadLetters) {

        public Grant {
            Objects.requireNonNull(principal, "principal");
            produces = List.copyOf(produces);
            consumes = List.copyOf(consumes);
        }

        static Grant service(String name, String produces, String... consumes) {
            return new Grant(name, produces == null ? List.of() : List.of(produces), List.of(consumes), true);
        }

        static Grant reader(String name, List<String> consumes) {
            return new Grant(name, List.of(), consumes, false);
        }

        /** The ACLs that allow exactly this, and nothing else. */
        public List<AclBinding> aclBindings() {
            List<AclBinding> bindings = new ArrayList<>();
            for (String topic : produces) {
                bindings.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
            }
            for (String topic : consumes) {
                bindings.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
                if (deadLetters) {
                    // Topics.deadLetterTopic(topic, group) for every group of its own: <topic>.<principal>[.…].dlq
                    String ownDeadLetters = topic + "." + principal + ".";
                    bindings.add(allow(ResourceType.TOPIC, ownDeadLetters, PatternType.PREFIXED, AclOperation.CREATE));
                    bindings.add(allow(ResourceType.TOPIC, ownDeadLetters, PatternType.PREFIXED, AclOperation.WRITE));
                    // The dead-letter admin lists, inspects and replays them.
                    bindings.add(allow(ResourceType.TOPIC, ownDeadLetters, PatternType.PREFIXED, AclOperation.READ));
                    // A changed dead-letter retention reaches the topics at the service's next start (includes DESCRIBE_CONFIGS).
                    bindings.add(allow(ResourceType.TOPIC, ownDeadLetters, PatternType.PREFIXED, AclOperation.ALTER_CONFIGS));
                }
            }
            if (!consumes.isEmpty()) {
                bindings.add(allow(ResourceType.GROUP, principal, PatternType.PREFIXED, AclOperation.READ));
            }
            return bindings;
        }

        private AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
            return new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
        }
    }

    /** Every ACL of the broker. */
    public static List<AclBinding> aclBindings() {
        return GRANTS.stream().flatMap(grant -> grant.aclBindings().stream()).toList();
    }

    /** The principals that get a password of their own, {@link #ADMIN} not included. */
    public static List<String> principals() {
        return GRANTS.stream().map(Grant::principal).toList();
    }

    public static Grant grantOf(String principal) {
        return GRANTS.stream().filter(grant -> grant.principal().equals(principal)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Kafka principal " + principal));
    }

    private KafkaAccess() {
    }
}
