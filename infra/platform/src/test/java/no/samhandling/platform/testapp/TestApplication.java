package no.samhandling.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import no.samhandling.platform.access.KeyedChildLinks;

/** A minimal service that exercises the platform the way the real services do. */
@SpringBootApplication
public class TestApplication {

    /** What infra/personal-data gives every service that logs reads about a child. */
    @Bean
    KeyedChildLinks childLinks() {
        return new KeyedChildLinks();
    }
}
