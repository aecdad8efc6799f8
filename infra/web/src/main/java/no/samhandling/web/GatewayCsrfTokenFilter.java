package no.samhandling.web;

import java.io.IOException;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes the gateway's CSRF token the request's {@link CsrfToken}, so that every
 * {@code <form th:action=…>} a page renders carries it as a hidden field (Spring Security's
 * request data value processor does that for Thymeleaf forms). The service itself never checks
 * it: its API is a stateless resource server, and the gateway refuses a state-changing request
 * without the token before it reaches any service.
 */
public class GatewayCsrfTokenFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(GatewayHeaders.CSRF_TOKEN);
        if (token != null && !token.isBlank() && request.getAttribute(CsrfToken.class.getName()) == null) {
            CsrfToken csrf = new DefaultCsrfToken(GatewayHeaders.CSRF_HEADER, GatewayHeaders.CSRF_PARAMETER, token);
            request.setAttribute(CsrfToken.class.getName(), csrf);
            request.setAttribute(csrf.getParameterName(), csrf);
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // The error page is a page too, with a sign-out form.
        return false;
    }
}
