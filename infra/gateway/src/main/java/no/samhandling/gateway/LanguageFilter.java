package no.samhandling.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bokmål or nynorsk, chosen once and remembered: {@code ?lang=nn} (the layout's language switch)
 * sets a cookie, and every request then carries the choice as {@code Accept-Language} to the
 * service rendering the page, and to the gateway's own pages. Without a choice the browser's
 * {@code Accept-Language} stands.
 */
class LanguageFilter extends OncePerRequestFilter {

    static final String COOKIE = "SAMHANDLING_LANG";
    static final String PARAMETER = "lang";
    private static final String CHOSEN = LanguageFilter.class.getName() + ".chosen";
    private static final Duration REMEMBERED_FOR = Duration.ofDays(365);

    private final boolean secureCookies;

    LanguageFilter(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /**
     * The servlet container renders an error page (a 404 for an unknown address) in a dispatch of its own,
     * with the request as it came in, not as this filter passed it on: the choice must be made again there.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String chosen = request.getDispatcherType() == DispatcherType.ERROR ? (String) request.getAttribute(CHOSEN) : null;
        if (chosen == null) {
            chosen = choose(request, response);
        }
        if (chosen != null) {
            // Kept on the request for the error dispatch, which sees neither this address's ?lang nor the cookie it set.
            request.setAttribute(CHOSEN, chosen);
        }
        chain.doFilter(chosen == null ? request : new WithLanguage(request, chosen), response);
    }

    private String choose(HttpServletRequest request, HttpServletResponse response) {
        // From the address only: asking for parameters would read a form's body before its charset is set.
        String chosen = language(UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams().getFirst(PARAMETER));
        if (chosen != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, chosen)
                    .path("/").maxAge(REMEMBERED_FOR).httpOnly(true).secure(secureCookies).sameSite("Lax").build().toString());
            return chosen;
        }
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        return cookie == null ? null : language(cookie.getValue());
    }

    /** {@code nb} or {@code nn}; anything else is no choice. */
    static String language(String value) {
        return "nn".equals(value) || "nb".equals(value) ? value : null;
    }

    private static final class WithLanguage extends HttpServletRequestWrapper {

        private final String language;

        WithLanguage(HttpServletRequest request, String language) {
            super(request);
            this.language = language;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT_LANGUAGE.equalsIgnoreCase(name) ? language : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT_LANGUAGE.equalsIgnoreCase(name) ? Collections.enumeration(List.of(language)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch(HttpHeaders.ACCEPT_LANGUAGE::equalsIgnoreCase)) {
                names.add(HttpHeaders.ACCEPT_LANGUAGE);
            }
            return Collections.enumeration(names);
        }

        @Override
        public java.util.Locale getLocale() {
            return java.util.Locale.forLanguageTag(language);
        }

        @Override
        public Enumeration<java.util.Locale> getLocales() {
            return Collections.enumeration(List.of(getLocale()));
        }
    }
}
