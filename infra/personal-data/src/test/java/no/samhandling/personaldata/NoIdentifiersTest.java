package no.samhandling.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

/** The constraint on request records: the path names the field inside nested lists, and the text says why in either language. */
class NoIdentifiersTest {

    record Request(@NoIdentifiers String description, List<@Valid Measure> measures, List<@NoIdentifiers String> notes) {
    }

    record Measure(@NoIdentifiers String description, @NoIdentifiers String period) {
    }

    @Test
    void namesTheFieldOfTheListElementThatHoldsAnIdentifier() {
        Request request = new Request("Fråvær sidan haust 2026", List.of(new Measure("Samtale", "veke 12"), new Measure("Møte", "frå 1.3.2026")),
                List.of("Ring kl. 14.30"));

        Set<ConstraintViolation<Request>> violations = validator(Locale.ROOT).validate(request);

        assertThat(violations).extracting(violation -> violation.getPropertyPath().toString()).containsExactly("measures[1].period");
    }

    @Test
    void checksEveryTextOfAList() {
        Request request = new Request(null, List.of(), List.of("x", "Sjå 010203 12345"));

        assertThat(validator(Locale.ROOT).validate(request)).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("notes[1].<list element>");
    }

    @Test
    void explainsInBokmalAndNynorskWithoutRepeatingTheText() {
        Request request = new Request("Gjeld 01020312345", List.of(), List.of());

        String bokmal = validator(Locale.ROOT).validate(request).iterator().next().getMessage();
        String nynorsk = validator(Locale.of("nn")).validate(request).iterator().next().getMessage();

        assertThat(bokmal).startsWith("kan ikke inneholde et fødselsnummer").doesNotContain("01020312345");
        assertThat(nynorsk).startsWith("kan ikkje innehalde eit fødselsnummer").doesNotContain("01020312345");
    }

    @Test
    void leavesAbsentTextToOtherConstraints() {
        assertThat(validator(Locale.ROOT).validate(new Request(null, List.of(new Measure(null, null)), List.of()))).isEmpty();
    }

    private static Validator validator(Locale locale) {
        return Validation.byProvider(HibernateValidator.class).configure().defaultLocale(locale).buildValidatorFactory().getValidator();
    }
}
