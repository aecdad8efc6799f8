package no.samhandling.platform.web;

/** One invalid field of a request, as listed under {@code errors} in a validation problem. */
public record FieldError(String field, String message) {
}
