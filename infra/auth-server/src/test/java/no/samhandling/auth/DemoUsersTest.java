package no.samhandling.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import no.samhandling.auth.AuthProperties.DemoUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

// Same configuration as the MockMvc tests, so the cached context is reused.
@SpringBootTest
@AutoConfigureMockMvc
class DemoUsersTest {

    @Autowired
    AuthProperties properties;

    @Test
    void everyRoleHasADemoUserInAukra() {
        for (Role role : Role.values()) {
            assertThat(properties.users())
                    .as("demo user with role %s in 1547", role)
                    .anySatisfy(user -> {
                        assertThat(user.roles()).contains(role);
                        assertThat(user.municipality()).isEqualTo("1547");
                    });
        }
        assertThat(properties.users()).extracting(DemoUser::username)
                .contains("referrer", "coordinator", "member", "guardian", "leader", "admin", "privacy-officer", "youth");
    }

    @Test
    void melhusUsersBelongToAnotherTenant() {
        assertThat(properties.user("melhus-coordinator")).get().extracting(DemoUser::municipality).isEqualTo("5028");
        assertThat(properties.user("melhus-leader")).get().extracting(DemoUser::municipality).isEqualTo("5028");
        assertThat(properties.user("melhus-admin")).get().extracting(DemoUser::municipality).isEqualTo("5028");
    }

    @Test
    void demoPasswordsAreStoredAsBcryptHashes() {
        assertThat(properties.users()).allSatisfy(user -> assertThat(user.password()).startsWith("{bcrypt}$2"));
    }

    @Test
    void plainOrNoopPasswordsAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DemoUser("x", "{noop}demo", "1547", List.of(Role.ADMIN)))
                .withMessageNotContaining("{noop}demo");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DemoUser("x", "demo", "1547", List.of(Role.ADMIN)));
    }

    @Test
    void municipalityMustBeAFourDigitKommunenummer() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DemoUser("x", "{bcrypt}$2a$10$x", "Aukra", List.of(Role.ADMIN)));
    }
}
