package no.samhandling.notification.support;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import no.samhandling.notification.config.NotificationProperties;

/** The service's settings with their defaults, bound as Spring binds them, for plain unit tests. */
public final class TestProperties {

    public static NotificationProperties defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of("samhandling.notification.app-url", "https://samhandling.aukra.example")))
                .bindOrCreate("samhandling.notification", NotificationProperties.class);
    }

    private TestProperties() {
    }
}
