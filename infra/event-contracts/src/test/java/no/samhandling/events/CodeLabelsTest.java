package no.samhandling.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import no.samhandling.events.referral.Theme;

/** Every theme a referral can carry has a label in bokmål and in nynorsk, in the one bundle every service reads. */
class CodeLabelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"samhandling/codes.properties", "samhandling/codes_nn.properties"})
    void everyThemeHasALabel(String bundle) throws IOException {
        Properties labels = read(bundle);

        for (Theme theme : Theme.values()) {
            assertThat(labels.getProperty("theme." + theme.name())).as(bundle + " theme." + theme).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"samhandling/codes.properties", "samhandling/codes_nn.properties"})
    void bokmalAndNynorskLabelTheSameCodes(String bundle) throws IOException {
        assertThat(read(bundle).stringPropertyNames()).isEqualTo(read("samhandling/codes.properties").stringPropertyNames());
    }

    private static Properties read(String resource) throws IOException {
        try (InputStream in = CodeLabelsTest.class.getClassLoader().getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
