package no.samhandling.gateway;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import no.samhandling.baseline.ProductionSettingsException;

class GatewayProductionSettingsTest {

    @Test
    void aGatewayStartedForProductionOnTheLocalAuthorizationServerRefusesToStart() {
        SpringApplication application = new SpringApplication(GatewayApplication.class);

        assertThatThrownBy(() -> application.run("--spring.profiles.active=production"))
                .isInstanceOf(ProductionSettingsException.class)
                .hasMessageContaining("samhandling.gateway.sign-in.issuer (SAMHANDLING_GATEWAY_SIGN_IN_ISSUER)");
    }

    @Test
    void itsOwnIssuerIsEnough() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("samhandling.gateway.sign-in.issuer", "https://login.kommune.example")));
        environment.setActiveProfiles("production");

        assertThatNoException().isThrownBy(() -> new GatewayProductionSettings().postProcessEnvironment(environment, new SpringApplication()));
    }
}
