package no.samhandling.platform.test;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

import no.samhandling.kafka.KafkaAccess;
import no.samhandling.kafka.KafkaCredentials;

/** Starts one {@link TestKafkaBroker} per test application context and stops it with the context. */
class KafkaBrokerContextCustomizerFactory implements ContextCustomizerFactory {

    /** One partition per topic, so a test can rely on the order of what it sends. */
    static final int PARTITIONS = 1;

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean wanted = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(WithKafkaBroker.class);
        return wanted ? new KafkaBrokerCustomizer() : null;
    }

    private static final class KafkaBrokerCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            String application = context.getEnvironment().getProperty("spring.application.name", "");
            boolean known = KafkaAccess.principals().contains(application);
            TestKafkaBroker broker = known ? TestKafkaBroker.start(PARTITIONS, application) : TestKafkaBroker.start(PARTITIONS);
            KafkaCredentials self = broker.credentials(application).orElse(broker.adminCredentials());
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "samhandling.kafka.username=" + self.username(),
                    "samhandling.kafka.password=" + self.password());
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    broker.close();
                }
            });
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof KafkaBrokerCustomizer;
        }

        @Override
        public int hashCode() {
            return KafkaBrokerCustomizer.class.hashCode();
        }
    }
}
