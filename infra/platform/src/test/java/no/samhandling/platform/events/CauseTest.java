package no.samhandling.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A cause goes into a dead letter's headers and a log line, so it never carries an id or a value of the record. */
class CauseTest {

    @Test
    void masksAChildsSubjectIdAndAPseudonymButKeepsTheWords() {
        assertThat(Cause.safe("Subject 1b4e28ba-2fa1-11d2-883f-0016d3cca427 belongs to another municipality"))
                .isEqualTo("Subject # belongs to another municipality");
        assertThat(Cause.safe("No guardian pseudonym.v1.Zm9vYmFyYmF6cXV4MTIz in the consent"))
                .isEqualTo("No guardian # in the consent");
    }

    @Test
    void keepsMessagesWithoutIdsAsTheyAre() {
        assertThat(Cause.safe("IllegalStateException in ConsentDirectoryRepository: arena has no rhythm"))
                .isEqualTo("IllegalStateException in ConsentDirectoryRepository: arena has no rhythm");
        assertThat(Cause.safe("Payload is not a valid referral.submitted.v1: missing field municipality"))
                .isEqualTo("Payload is not a valid referral.submitted.v1: missing field municipality");
    }

    @Test
    void stillMasksQuotedValuesAndLongDigitRuns() {
        assertThat(Cause.safe("duplicate key 'Kari Nordmann' for 010203 12345")).isEqualTo("duplicate key '…' for #");
    }
}
