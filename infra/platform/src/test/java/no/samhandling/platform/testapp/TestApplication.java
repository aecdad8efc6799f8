package no.samhandling.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service that exercises the platform the way the real services do. */
@SpringBootApplication
public class TestApplication {
}
