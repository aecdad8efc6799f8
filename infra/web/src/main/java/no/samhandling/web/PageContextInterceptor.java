package no.samhandling.web;

import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts a {@link PageContext} into the model of every rendered page, error pages included: the
 * signed-in user and municipality come from the token (the service's bearer token, or the
 * gateway's own sign-in), the language from the request's locale.
 */
public class PageContextInterceptor implements HandlerInterceptor {

    static final String LANGUAGE_PARAMETER = "lang";

    private final Municipalities municipalities;

    public PageContextInterceptor(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        page.addObject(PageContext.MODEL_ATTRIBUTE, context(request));
    }

    PageContext context(HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        String lang = isNynorsk(locale) ? "nn" : "nb";
        String municipality = null;
        String user = null;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ClaimAccessor claims) {
            municipality = claims.getClaimAsString("municipality");
            user = claims.getClaimAsString("sub");
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new PageContext(lang,
                municipality == null ? null : municipalities.displayName(municipality, locale),
                user,
                inOtherLanguage(request, "nn".equals(lang) ? "nb" : "nn"),
                csrf == null ? null : csrf.getToken());
    }

    public static boolean isNynorsk(Locale locale) {
        return locale != null && ("nn".equals(locale.getLanguage()) || "NY".equals(locale.getCountry()));
    }

    /** The page the user is on (the page that failed, on an error page), with {@code lang} set. */
    private static String inOtherLanguage(HttpServletRequest request, String lang) {
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String query = null;
        if (path == null) {
            path = request.getRequestURI();
            query = request.getQueryString();
        }
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam(LANGUAGE_PARAMETER, lang).build().toUriString();
    }
}
