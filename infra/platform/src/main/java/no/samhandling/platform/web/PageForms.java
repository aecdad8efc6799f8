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

    /**
     * Field to message for every constraint the request breaks; empty when it is valid. The field is
     * the one the API names ({@code measuresTried[1].period}), as the id of the page's input for it
     * ({@link #fieldId}).
     */
    public Map<String, String> violations(Object request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            errors.putIfAbsent(fieldId(violation.getPropertyPath().toString()), violation.getMessage());
        }
        return errors;
    }

    /**
     * The id a page gives the input of a field the API names: {@code measuresTried[1].period} is
     * {@code measuresTried-1-period}, {@code subject.name} is {@code subject-name}, a flat field keeps
     * its name, and a list's element ({@code themes[0].<list element>}) is the list ({@code themes}).
     */
    public static String fieldId(String apiField) {
        String path = apiField.replaceAll("\\.<[^>]*>", "").replaceAll("\\[\\d+]$", "");
        return path.replaceAll("\\[(\\d+)]", "-$1").replace('.', '-');
    }

    /** A page's own message (one of its {@code messages}), in the user's language. */
    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
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
        return Map.of(fieldId(String.valueOf(field)), message(refusal));
    }

    /**
     * A refusal the person can correct on the form (a field, a step out of order) is shown on the page; one
     * that says the step is not theirs to take (403) or not there at all (404) keeps its status, so the
     * answer tells the truth to people and to tools alike.
     */
    public static void rethrowUnlessCorrectable(ProblemException refusal) {
        int status = refusal.status().value();
        if (status == 403 || status == 404) {
            throw refusal;
        }
    }
}
