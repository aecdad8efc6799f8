package no.samhandling.platform.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;
import no.samhandling.web.PageController;

/**
 * The errors of a page are pages too: the status goes to the servlet container, which shows the
 * shared error page for it (infra/web's {@code error/403.html}, {@code error/404.html}, …) in the
 * layout, in the user's language. A page never answers with problem JSON. Ahead of
 * {@link ProblemDetailsAdvice}, which stays the answer for the API.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ProblemException.class)
    void problem(ProblemException exception, HttpServletResponse response) throws IOException {
        response.sendError(exception.status().value());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    void forbidden(RuntimeException exception, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception exception, HttpServletResponse response) throws IOException {
        if (exception instanceof ErrorResponse error) {
            response.sendError(error.getStatusCode().value());
            return;
        }
        // Logged by class and stack only: messages of unexpected errors may quote input.
        Throwable withoutMessage = new Throwable(exception.getClass().getName());
        withoutMessage.setStackTrace(exception.getStackTrace());
        log.error("Unexpected {} on a page", exception.getClass().getName(), withoutMessage);
        response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
}
