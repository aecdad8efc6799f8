package no.samhandling.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The production profile fails closed. An application started with the Spring profile
 * {@value #PROFILE} refuses to start while a setting it needs is missing or still has a value that
 * is public: a local default ({@code http://localhost:9000}), or a demo secret committed in the
 * repository ({@code demo}, compose's master key). Each application lists what it needs in an
 * {@code EnvironmentPostProcessor} ({@code PlatformProductionSettings} for the services,
 * {@code GatewayProductionSettings}, {@code AuthServerProductionSettings}), and every problem is named at once, with the environment
 * variable that sets it, never with a secret's value.
 */
public final class ProductionSettings {

    public static final String PROFILE = "production";

    private final Environment environment;
    private final List<String> problems = new ArrayList<>();

    private ProductionSettings(Environment environment) {
        this.environment = environment;
    }

    /** Whether the application runs with the production profile. */
    public static boolean apply(Environment environment) {
        return environment.acceptsProfiles(Profiles.of(PROFILE));
    }

    public static ProductionSettings of(Environment environment) {
        return new ProductionSettings(environment);
    }

    /** The setting must be set, and not to one of the public values. */
    public ProductionSettings require(String property, String... publicValues) {
        return require(property, value -> List.of(publicValues).contains(value.trim()));
    }

    /** The setting must be set, and not to a value the predicate calls public. */
    public ProductionSettings require(String property, Predicate<String> isPublic) {
        String value = environment.getProperty(property);
        if (value == null || value.isBlank()) {
            problems.add(name(property) + " is not set");
        } else if (isPublic.test(value)) {
            problems.add(name(property) + " still has a demo or local default value");
        }
        return this;
    }

    /** Where the setting is given at all, it may not be one of the public values. */
    public ProductionSettings refuse(String property, String... publicValues) {
        String value = environment.getProperty(property);
        if (value != null && List.of(publicValues).contains(value.trim())) {
            problems.add(name(property) + " still has a demo value");
        }
        return this;
    }

    public boolean isSet(String property) {
        String value = environment.getProperty(property);
        return value != null && !value.isBlank();
    }

    /** @throws ProductionSettingsException naming every setting that is missing or public */
    public void verify() {
        if (!problems.isEmpty()) {
            throw new ProductionSettingsException(problems);
        }
    }

    /** The property and the environment variable that sets it (Spring's relaxed binding: {@code a.b-c[0].d} is {@code A_B_C_0_D}). */
    static String name(String property) {
        return property + " (" + property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_').replace("[", "_").replace("]", "") + ")";
    }
}
