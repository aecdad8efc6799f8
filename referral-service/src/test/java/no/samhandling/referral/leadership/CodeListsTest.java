package no.samhandling.referral.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The closed lists of both registers: every code labelled in bokmål and nynorsk, and the categories the event contracts' own. */
class CodeListsTest {

    static Stream<Arguments> labelsOfEveryList() {
        return Stream.of("samhandling/codes.properties", "samhandling/codes_nn.properties").flatMap(file -> Stream.of(
                Arguments.of(file, "deviation.category.", DeviationCategory.values()),
                Arguments.of(file, "deviation.action.", DeviationAction.values()),
                Arguments.of(file, "system-case.category.", SystemCaseCategory.values()),
                Arguments.of(file, "system-case.action.", SystemCaseAction.values())));
    }

    @ParameterizedTest
    @MethodSource("labelsOfEveryList")
    void everyCodeHasALabelInTheCodeLabelsEveryServiceShares(String file, String prefix, Enum<?>[] codes) throws IOException {
        Properties labels = new Properties();
        try (Reader reader = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(file), StandardCharsets.UTF_8)) {
            labels.load(reader);
        }

        for (Enum<?> code : codes) {
            assertThat(labels.getProperty(prefix + code.name())).as(file + " " + prefix + code).isNotBlank();
        }
    }

    static Stream<Arguments> categoriesAndTheirContracts() {
        return Stream.of(
                Arguments.of(DeviationCategory.values(), no.samhandling.events.referral.DeviationCategory.values()),
                Arguments.of(SystemCaseCategory.values(), no.samhandling.events.referral.SystemCaseCategory.values()));
    }

    @ParameterizedTest
    @MethodSource("categoriesAndTheirContracts")
    void theCategoriesAreTheEventContractsClosedList(Enum<?>[] here, Enum<?>[] contract) {
        // Reports list every category of the contract's list, always; a category only here would never be published.
        assertThat(Arrays.stream(here).map(Enum::name)).containsExactly(Arrays.stream(contract).map(Enum::name).toArray(String[]::new));
    }
}
