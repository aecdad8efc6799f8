package no.samhandling.baseline;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /error} is where the servlet container renders an error; asked for directly it has no
 * error to render, and Spring Boot's error controller then answered 500. A direct request is
 * answered as what it is, a page that does not exist: 404, in the application's usual error format.
 */
public class ErrorPathGuard extends OncePerRequestFilter {

    static final String ERROR_PATH = "/error";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals(ERROR_PATH) && !path.startsWith(ERROR_PATH + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Only REQUEST dispatches reach here (a container error dispatch already carries its status).
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.NOT_FOUND.value());
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        }
        chain.doFilter(request, response);
    }
}
