package no.samhandling.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * What a page's form did wrong, per field, in the user's language: the same checks as the API's
 * (the request record's Bean Validation constraints, and the application service's
 * {@link ProblemException} naming the field), so a form is never checked by other rules than the
 * API. A page shows them beside the fields and in a summary above the form.
 */
public class PageForms {

    private final Validator validator;
    private final MessageSource messages;

    public PageForms(Validator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
    }

    /** Field name to message for every constraint the request breaks; empty when it is valid. */
    public Map<String, String> violations(Object request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString();
            errors.putIfAbsent(path.contains(".") ? path.substring(0, path.indexOf('.')) : path, violation.getMessage());
        }
        return errors;
    }

    /** A refusal's message in the user's language, for a page to show where it fits. */
    public String message(ProblemException refusal) {
        return messages.getMessage(refusal.messageKey(), refusal.arguments(), refusal.messageKey(), LocaleContextHolder.getLocale());
    }

    /**
     * The field a refusal names, with its message; a refusal that names no field is not the form's
     * to show and is thrown on, to the error page.
     */
    public Map<String, String> of(ProblemException refusal) {
        Object field = refusal.properties().get("field");
        if (field == null) {
            throw refusal;
        }
        return Map.of(String.valueOf(field), message(refusal));
    }
}
