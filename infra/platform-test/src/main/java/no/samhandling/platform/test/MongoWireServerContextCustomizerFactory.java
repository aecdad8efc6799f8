package no.samhandling.platform.test;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Starts one MongoDB wire server per test application context and stops it with the context. */
class MongoWireServerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean wanted = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(WithMongoWireServer.class);
        return wanted ? new MongoWireServerCustomizer() : null;
    }

    private static final class MongoWireServerCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "spring.mongodb.uri=mongodb://127.0.0.1:" + address.getPort() + "/test");
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    server.shutdownNow();
                }
            });
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MongoWireServerCustomizer;
        }

        @Override
        public int hashCode() {
            return MongoWireServerCustomizer.class.hashCode();
        }
    }
}
