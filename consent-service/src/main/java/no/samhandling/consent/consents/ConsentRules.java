package no.samhandling.consent.consents;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who must consent, per municipality and legal area, from {@code samhandling.consent.rules}:
 * {@code default} for every municipality, and {@code <kommunenummer>} entries overriding it field
 * by field. Nothing about ages or guardians is decided in code.
 *
 * <pre>
 * samhandling.consent.rules.default.both-guardians-must-consent: true
 * samhandling.consent.rules.default.legal-areas.health.youth-consents-alone-from: 16
 * samhandling.consent.rules.5028.both-guardians-must-consent: false
 * </pre>
 *
 * Legal area keys are written in lower case with dashes ({@code child-welfare}) and used in the
 * API as codes ({@code CHILD_WELFARE}).
 */
@ConfigurationProperties("samhandling.consent")
record ConsentRules(Map<String, MunicipalityRules> rules) {

    static final String DEFAULT = "default";

    ConsentRules {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        MunicipalityRules defaults = rules.get(DEFAULT);
        if (defaults == null || defaults.bothGuardiansMustConsent() == null || defaults.legalAreas().isEmpty()) {
            throw new IllegalStateException("samhandling.consent.rules.default needs both-guardians-must-consent and at least one legal area");
        }
        defaults.legalAreas().forEach((area, rule) -> {
            if (rule.youthConsentsAloneFrom() == null) {
                throw new IllegalStateException("samhandling.consent.rules.default.legal-areas." + area + ".youth-consents-alone-from is required");
            }
        });
        rules.forEach((municipality, rule) -> {
            if (!municipality.equals(DEFAULT) && !municipality.matches("\\d{4}")) {
                throw new IllegalStateException("samhandling.consent.rules." + municipality + ": keys are 'default' or a kommunenummer");
            }
        });
    }

    /**
     * @param bothGuardiansMustConsent with joint parental responsibility, whether every guardian who
     *        has it must consent (true) or one of them is enough (false)
     * @param legalAreas the age rules per legal area
     */
    record MunicipalityRules(Boolean bothGuardiansMustConsent, Map<String, AreaRule> legalAreas) {

        MunicipalityRules {
            legalAreas = legalAreas == null ? Map.of() : Map.copyOf(legalAreas);
        }
    }

    /**
     * @param youthConsentsAloneFrom the age from which the youth decides alone and the guardians' consent no longer counts
     * @param youthAlsoConsentsFrom the age from which the youth must consent as well as the guardians; null when never
     */
    record AreaRule(Integer youthConsentsAloneFrom, Integer youthAlsoConsentsFrom) {
    }

    /** The rule that applies, for one municipality and one legal area. */
    record Applicable(boolean bothGuardiansMustConsent, int youthConsentsAloneFrom, Integer youthAlsoConsentsFrom) {
    }

    Optional<Applicable> applicable(String municipality, String legalAreaCode) {
        MunicipalityRules defaults = rules.get(DEFAULT);
        MunicipalityRules own = rules.get(municipality);
        Map<String, AreaRule> areas = areas(municipality);
        AreaRule area = areas.get(legalAreaCode);
        if (area == null) {
            return Optional.empty();
        }
        boolean both = own != null && own.bothGuardiansMustConsent() != null
                ? own.bothGuardiansMustConsent() : defaults.bothGuardiansMustConsent();
        return Optional.of(new Applicable(both, area.youthConsentsAloneFrom(), area.youthAlsoConsentsFrom()));
    }

    /** The legal areas a municipality knows, by code, each field overridable on its own. */
    Map<String, AreaRule> areas(String municipality) {
        Map<String, AreaRule> merged = new LinkedHashMap<>();
        rules.get(DEFAULT).legalAreas().forEach((key, rule) -> merged.put(code(key), rule));
        MunicipalityRules own = rules.get(municipality);
        if (own != null) {
            own.legalAreas().forEach((key, rule) -> merged.merge(code(key), rule, (base, override) -> new AreaRule(
                    override.youthConsentsAloneFrom() != null ? override.youthConsentsAloneFrom() : base.youthConsentsAloneFrom(),
                    override.youthAlsoConsentsFrom() != null ? override.youthAlsoConsentsFrom() : base.youthAlsoConsentsFrom())));
        }
        merged.entrySet().removeIf(entry -> entry.getValue().youthConsentsAloneFrom() == null);
        return merged;
    }

    private static String code(String key) {
        return key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
