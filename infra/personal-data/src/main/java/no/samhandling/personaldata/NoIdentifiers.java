package no.samhandling.personaldata;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Free text that must not identify a person: no national id, D- or H-number, and no date that
 * could be a birth date ({@link IdentifierDetector} says exactly what). Put it on every free-text
 * component of a request record; a violation is a 400 naming the field
 * ({@code measuresTried[1].period}), and the text is never echoed. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NoIdentifiersValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface NoIdentifiers {

    String message() default "{no.samhandling.personaldata.NoIdentifiers.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
