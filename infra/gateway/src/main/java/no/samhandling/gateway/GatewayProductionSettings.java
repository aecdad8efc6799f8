package no.samhandling.gateway;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import no.samhandling.baseline.ProductionSettings;

/**
 * What the gateway refuses to start without under the {@code production} profile: the issuer people
 * sign in at, which is the local authorization server unless set. The gateway holds no secret of
 * its own (its client is public, with PKCE) and no Kafka or personal-data settings.
 */
public class GatewayProductionSettings implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (ProductionSettings.apply(environment)) {
            ProductionSettings.of(environment)
                    .require("samhandling.gateway.sign-in.issuer", "http://localhost:9000")
                    .verify();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
