package no.samhandling.events;

import static no.samhandling.events.EventSchemas.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import no.samhandling.events.referral.ReferralAccepted;

class EventJsonTest {

    private static final String ACCEPTED = "referral.accepted.v1";

    @Test
    void readRejectsAnUnknownType() {
        assertThatThrownBy(() -> EventJson.read("referral.teleported.v1", GoldenFixtures.bytes(ACCEPTED)))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("Unknown event type");
    }

    @Test
    void readRejectsAJavaClassNameAsType() {
        assertThatThrownBy(() -> EventJson.read(ReferralAccepted.class.getName(), GoldenFixtures.bytes(ACCEPTED)))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void readRejectsMalformedJson() {
        byte[] truncated = "{\"eventId\":\"b7d3f9a1-4c6e-4b82".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.read(ACCEPTED, truncated)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void readRejectsAPayloadMissingARequiredField() {
        ObjectNode json = (ObjectNode) JSON.readTree(GoldenFixtures.bytes(ACCEPTED));
        json.remove("acceptedByUserId");

        assertThatThrownBy(() -> EventJson.read(ACCEPTED, JSON.writeValueAsBytes(json)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(ACCEPTED);
    }

    @Test
    void readRejectsAPayloadThatBreaksAnInvariant() {
        ObjectNode json = (ObjectNode) JSON.readTree(GoldenFixtures.bytes(ACCEPTED));
        json.put("municipality", "Aukra");

        assertThatThrownBy(() -> EventJson.read(ACCEPTED, JSON.writeValueAsBytes(json)))
                .isInstanceOf(InvalidEventException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readIgnoresFieldsAddedByANewerProducer() {
        ObjectNode json = (ObjectNode) JSON.readTree(GoldenFixtures.bytes(ACCEPTED));
        json.put("acceptedViaChannel", "MOBILE");

        DomainEvent event = EventJson.read(ACCEPTED, JSON.writeValueAsBytes(json));

        assertThat(event).isEqualTo(GoldenFixtures.event(ACCEPTED));
    }

    @Test
    void writeOmitsAbsentOptionalFields() {
        ObjectNode json = (ObjectNode) JSON.readTree(GoldenFixtures.bytes("referral.discussed.v1"));
        json.remove("followUpDate");

        String written = EventJson.writeString(EventJson.read("referral.discussed.v1", JSON.writeValueAsBytes(json)));

        assertThat(written).doesNotContain("followUpDate");
    }
}
