package no.samhandling.events;

import static no.samhandling.events.EventSchemas.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import no.samhandling.events.referral.DiscussionBasis;
import no.samhandling.events.referral.ReferralSubmitted;

/** Producer and consumer sides of each golden fixture: it reads to its record, and the record writes it back. */
class GoldenFixtureTest {

    static Stream<String> types() {
        return EventCatalogue.all().stream().map(EventDefinition::type);
    }

    @ParameterizedTest
    @MethodSource("types")
    void fixtureReadsToItsRecordWhichWritesTheSameJson(String type) {
        byte[] fixture = GoldenFixtures.bytes(type);

        DomainEvent event = EventJson.read(type, fixture);

        assertThat(event).isInstanceOf(EventCatalogue.byType(type).orElseThrow().javaType());
        assertThat(JSON.readTree(EventJson.writeString(event))).isEqualTo(JSON.readTree(fixture));
    }

    @ParameterizedTest
    @MethodSource("types")
    void fixtureIsValidAgainstItsSchema(String type) {
        assertThat(EventSchemas.validate(type, JSON.readTree(GoldenFixtures.bytes(type)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void fixtureBelongsToAukra(String type) {
        assertThat(GoldenFixtures.event(type).municipality()).isEqualTo("1547");
    }

    @Test
    void typedFixtureIsTheRecordOfThatType() {
        ReferralSubmitted submitted = GoldenFixtures.event(ReferralSubmitted.class);

        assertThat(submitted.basis()).isEqualTo(DiscussionBasis.NAMED);
        assertThat(submitted.themes()).containsExactly("LANGUAGE_DEVELOPMENT", "SOCIAL_INTERACTION");
    }

    @Test
    void askingForAFixtureOfAnUnknownTypeFails() {
        assertThatThrownBy(() -> GoldenFixtures.bytes("referral.forgotten.v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("referral.forgotten.v1");
    }
}
