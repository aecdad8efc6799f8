package no.samhandling.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClients;

import no.samhandling.platform.access.ChildLinks;

/** A service with this library does not start without a proper master key, and never prints the key. */
class PersonalDataAutoConfigurationTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PersonalDataAutoConfiguration.class))
            .withBean(MongoTemplate.class, () -> new MongoTemplate(MongoClients.create("mongodb://127.0.0.1:1"), "unused"));

    @Test
    void providesTheCipherWithAMasterKey() {
        runner.withPropertyValues("samhandling.personal-data.master-key=" + KEY)
                .run(context -> assertThat(context).hasSingleBean(PersonalDataCipher.class));
    }

    @Test
    void keepsTheAccessLogsLinksToAChildUnderTheChildsKeyWhereTheServiceHasThePlatform() {
        runner.withPropertyValues("samhandling.personal-data.master-key=" + KEY)
                .run(context -> assertThat(context).getBean(ChildLinks.class).isInstanceOf(AccessLogChildLinks.class));
    }

    @Test
    void refusesToStartWithoutAMasterKey() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("samhandling.personal-data.master-key is not set"));
    }

    @Test
    void refusesAKeyOfTheWrongLengthWithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());

        runner.withPropertyValues("samhandling.personal-data.master-key=" + shortKey)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("32 bytes").hasMessageNotContaining(shortKey));
    }

    @Test
    void refusesAKeyThatIsNotBase64() {
        runner.withPropertyValues("samhandling.personal-data.master-key=not*base64")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("not valid base64").hasMessageNotContaining("not*base64"));
    }
}
