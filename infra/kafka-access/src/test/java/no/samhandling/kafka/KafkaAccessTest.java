package no.samhandling.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import no.samhandling.events.Topics;

class KafkaAccessTest {

    @Test
    void eachEventTopicIsWrittenByItsOwnerAlone() {
        assertThat(writers(Topics.ARENA_EVENTS)).containsExactly("User:arena-service");
        assertThat(writers(Topics.REFERRAL_EVENTS)).containsExactly("User:referral-service");
        assertThat(writers(Topics.CONSENT_EVENTS)).containsExactly("User:consent-service");
        assertThat(writers(Topics.NOTIFICATION_EVENTS)).containsExactly("User:notification-service");
        assertThat(writers(Topics.LEADERSHIP_EVENTS)).containsExactly("User:referral-service");
    }

    @Test
    void everyTopicIsWrittenByTheOwnerItsConsumersCheckTheSourceAgainst() {
        for (String topic : Topics.ALL) {
            assertThat(writers(topic)).as(topic).containsExactly("User:" + Topics.owner(topic));
        }
    }

    @Test
    void theExternalReaderReadsEveryEventTopicInItsOwnGroupsAndWritesAndCreatesNothing() {
        List<AclBinding> reader = KafkaAccess.grantOf(KafkaAccess.EXTERNAL_READER).aclBindings();

        assertThat(reader).extracting(binding -> binding.entry().operation())
                .containsOnly(AclOperation.READ);
        assertThat(reader).filteredOn(binding -> binding.pattern().resourceType() == ResourceType.TOPIC)
                .extracting(binding -> binding.pattern().name())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(reader).filteredOn(binding -> binding.pattern().resourceType() == ResourceType.GROUP)
                .singleElement()
                .satisfies(group -> {
                    assertThat(group.pattern().name()).isEqualTo(KafkaAccess.EXTERNAL_READER);
                    assertThat(group.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                });
    }

    @Test
    void aServiceCreatesOnlyItsOwnDeadLetterTopicsForWhatItReads() {
        List<AclBinding> consent = KafkaAccess.grantOf("consent-service").aclBindings();

        assertThat(consent).filteredOn(binding -> binding.entry().operation() == AclOperation.CREATE)
                .singleElement()
                .satisfies(create -> {
                    assertThat(create.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                    assertThat(Topics.deadLetterTopic(Topics.ARENA_EVENTS, "consent-service")).startsWith(create.pattern().name());
                    assertThat(Topics.deadLetterTopic(Topics.ARENA_EVENTS, "referral-service")).doesNotStartWith(create.pattern().name());
                });
        assertThat(consent).extracting(binding -> binding.pattern().name())
                .doesNotContain(Topics.REFERRAL_EVENTS, Topics.NOTIFICATION_EVENTS);
    }

    @Test
    void aServiceChangesTheRetentionOfItsOwnDeadLetterTopicsAndOfNoOtherTopic() {
        for (KafkaAccess.Grant grant : KafkaAccess.GRANTS) {
            assertThat(grant.aclBindings()).filteredOn(binding -> binding.entry().operation() == AclOperation.ALTER_CONFIGS)
                    .as(grant.principal())
                    .allSatisfy(alter -> {
                        assertThat(alter.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                        assertThat(alter.pattern().name()).endsWith("." + grant.principal() + ".");
                        assertThat(grant.consumes()).anySatisfy(topic ->
                                assertThat(Topics.deadLetterTopic(topic, grant.principal())).startsWith(alter.pattern().name()));
                        assertThat(Topics.ALL).noneMatch(topic -> topic.startsWith(alter.pattern().name()));
                    })
                    .hasSize(grant.deadLetters() ? grant.consumes().size() : 0);
        }
    }

    @Test
    void reportingReadsEveryTopicInEveryGenerationsGroupAndPublishesNothing() {
        List<AclBinding> reporting = KafkaAccess.grantOf("reporting-service").aclBindings();

        assertThat(reporting).filteredOn(binding -> binding.pattern().patternType() == PatternType.LITERAL)
                .extracting(binding -> binding.entry().operation()).containsOnly(AclOperation.READ);
        assertThat(reporting).filteredOn(binding -> binding.pattern().resourceType() == ResourceType.GROUP)
                .singleElement()
                .satisfies(group -> assertThat("reporting-service.g2").startsWith(group.pattern().name()));
    }

    @Test
    void credentialsThatAJaasLineCannotHoldAreRefused() {
        assertThatThrownBy(() -> new KafkaCredentials("arena-service", "pass\"word"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arena-service");
        assertThat(new KafkaCredentials("arena-service", KafkaCredentials.newPassword()).jaasConfig())
                .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"arena-service\"");
        assertThat(new KafkaCredentials("arena-service", "secret")).doesNotHaveToString("secret")
                .hasToString("KafkaCredentials[arena-service]");
    }

    private static List<String> writers(String topic) {
        return KafkaAccess.aclBindings().stream()
                .filter(binding -> binding.entry().operation() == AclOperation.WRITE)
                .filter(binding -> binding.pattern().resourceType() == ResourceType.TOPIC)
                .filter(binding -> binding.pattern().patternType() == PatternType.LITERAL
                        ? binding.pattern().name().equals(topic) : topic.startsWith(binding.pattern().name()))
                .map(binding -> binding.entry().principal())
                .toList();
    }
}
