package no.samhandling.referral.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every code of the closed lists has its own label in bokmål and in nynorsk, in the code labels every service shares. */
class SystemCaseCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"samhandling/codes.properties", "samhandling/codes_nn.properties"})
    void everyCategoryAndActionHasALabel(String file) throws IOException {
        Properties labels = new Properties();
        try (Reader reader = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(file), StandardCharsets.UTF_8)) {
            labels.load(reader);
        }

        for (SystemCaseCategory category : SystemCaseCategory.values()) {
            assertThat(labels.getProperty("system-case.category." + category.name())).as(file + " " + category).isNotBlank();
        }
        for (SystemCaseAction action : SystemCaseAction.values()) {
            assertThat(labels.getProperty("system-case.action." + action.name())).as(file + " " + action).isNotBlank();
        }
    }

    @Test
    void theCategoriesAreTheEventContractsClosedList() {
        // Reports list every category of the contract's list, always; a category only here would never be published.
        assertThat(java.util.Arrays.stream(SystemCaseCategory.values()).map(Enum::name))
                .containsExactly(java.util.Arrays.stream(no.samhandling.events.referral.SystemCaseCategory.values()).map(Enum::name).toArray(String[]::new));
    }
}
