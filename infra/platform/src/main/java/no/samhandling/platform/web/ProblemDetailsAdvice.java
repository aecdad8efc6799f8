package no.samhandling.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error a service returns is an RFC 9457 problem detail with a stable {@code type}.
 * Validation problems list each invalid field by name under {@code errors}. Texts are in the
 * caller's language; nothing from the request body is echoed back, so no personal data leaks.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;

    public ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException exception) {
        ProblemDetail problem = ProblemDetail.forStatus(exception.status());
        problem.setType(exception.type());
        problem.setTitle(titleOf(exception));
        problem.setDetail(text(exception.messageKey(), exception.arguments()));
        exception.properties().forEach(problem::setProperty);
        if (exception.properties().containsKey("field")) {
            problem.setProperty("errors", List.of(new FieldError(String.valueOf(exception.properties().get("field")), problem.getDetail())));
        }
        return ResponseEntity.status(exception.status()).body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleConcurrentUpdate(OptimisticLockingFailureException exception) {
        return problem(HttpStatus.CONFLICT, Problems.CONCURRENT_UPDATE, "problem.concurrent-update");
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> handleDuplicate(DuplicateKeyException exception) {
        return problem(HttpStatus.CONFLICT, Problems.CONFLICT, "problem.duplicate");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> handleForbidden(RuntimeException exception) {
        return problem(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "problem.forbidden");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList();
        return validation(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException exception) {
        return validation(List.of(new FieldError(exception.getName(), text("problem.field.type", new Object[0]))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception exception) {
        // Logged by class and stack only: messages of unexpected errors may quote input.
        log.error("Unexpected {}", exception.getClass().getName(), withoutMessage(exception));
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "problem.internal");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        exception.getBindingResult().getFieldErrors()
                .forEach(error -> errors.add(new FieldError(error.getField(), message(error))));
        exception.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldError(error.getObjectName(), message(error))));
        return asObject(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : exception.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(new FieldError(name, message(error))));
        }
        return asObject(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(exception, RequestBodyLimit.TooLargeException.class)) {
            return asObject(problem(HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE, "problem.payload-too-large"));
        }
        String field = fieldOf(exception);
        if (field == null) {
            return asObject(problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "problem.malformed"));
        }
        return asObject(validation(List.of(new FieldError(field, text("problem.field.type", new Object[0])))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() != null && "about:blank".equals(problem.getType().toString())) {
            problem.setType(Problems.type("http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** A key's own title if it has one; otherwise the generic title of its problem type. */
    private String titleOf(ProblemException exception) {
        String title = messages.getMessage(exception.messageKey() + ".title", null, null, locale());
        if (title != null) {
            return title;
        }
        return Problems.VALIDATION.equals(exception.type())
                ? text("problem.validation.title", new Object[0])
                : exception.status().getReasonPhrase();
    }

    private ResponseEntity<ProblemDetail> validation(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(Problems.VALIDATION);
        problem.setTitle(text("problem.validation.title", new Object[0]));
        problem.setDetail(text("problem.validation", new Object[] {errors.stream().map(FieldError::field).distinct().toList()}));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, java.net.URI type, String key) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type);
        problem.setTitle(text(key + ".title", new Object[0]));
        problem.setDetail(text(key, new Object[0]));
        return ResponseEntity.status(status).body(problem);
    }

    private String message(org.springframework.context.MessageSourceResolvable error) {
        return messages.getMessage(error, locale());
    }

    private String text(String key, Object[] arguments) {
        return messages.getMessage(key, arguments, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** The JSON path of the value Jackson could not read, for example {@code ageBand.from}. */
    private static String fieldOf(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        while (cause != null && !(cause instanceof DatabindException)) {
            cause = cause.getCause();
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference reference : databind.getPath()) {
                if (reference.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? null : path.toString();
        }
        return null;
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static Throwable withoutMessage(Exception exception) {
        Throwable copy = new Throwable(exception.getClass().getName());
        copy.setStackTrace(exception.getStackTrace());
        return copy;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
