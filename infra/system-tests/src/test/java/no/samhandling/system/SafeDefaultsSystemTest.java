package no.samhandling.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import no.samhandling.local.Service;
import no.samhandling.platform.test.HttpApi;

/** What every application of the running system answers alike, whether it renders pages or not. */
@ExtendWith(LocalSystemExtension.class)
class SafeDefaultsSystemTest {

    @Test
    void errorAskedForDirectlyIsNotFoundEverywhere() {
        for (Service service : Service.values()) {
            assertThat(HttpApi.at(service.baseUrl()).get("/error").status()).as(service.artifactId()).isEqualTo(404);
        }
    }
}
