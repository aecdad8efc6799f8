package no.samhandling.personaldata;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** {@link NoIdentifiers} by {@link IdentifierDetector}. */
public class NoIdentifiersValidator implements ConstraintValidator<NoIdentifiers, CharSequence> {

    @Override
    public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
        return text == null || !IdentifierDetector.containsIdentifier(text.toString());
    }
}
