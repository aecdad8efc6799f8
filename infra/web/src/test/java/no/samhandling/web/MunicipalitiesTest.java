package no.samhandling.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Pages name the municipality, from the list of names kept as data. */
class MunicipalitiesTest {

    private final Municipalities municipalities = Municipalities.load();

    @Test
    void namesTheMunicipalitiesOfTheDemoUsersAndThePlans() {
        assertThat(municipalities.displayName("5028", Locale.forLanguageTag("nb"))).isEqualTo("Melhus kommune");
        assertThat(municipalities.displayName("1547", Locale.forLanguageTag("nn"))).isEqualTo("Aukra kommune");
        assertThat(municipalities.name("1532")).contains("Giske");
        assertThat(municipalities.name("5601")).contains("Alta");
    }

    @Test
    void aMunicipalityMissingFromTheListStillReadsAsAMunicipality() {
        assertThat(municipalities.displayName("9999", Locale.forLanguageTag("nb"))).isEqualTo("kommune 9999");
        assertThat(municipalities.name(null)).isEmpty();
    }
}
