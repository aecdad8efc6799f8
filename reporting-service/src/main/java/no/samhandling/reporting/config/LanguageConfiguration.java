package no.samhandling.reporting.config;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import no.samhandling.reporting.figures.Labels;

/** Bokmål by default, nynorsk on {@code Accept-Language: nn}, and a page's {@code ?lang=nn|nb} wins over both. */
@Configuration
class LanguageConfiguration {

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver header = new AcceptHeaderLocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                String lang = request.getParameter("lang");
                if (lang != null) {
                    return Labels.language(lang);
                }
                return request.getHeader("Accept-Language") == null ? Labels.BOKMAL : super.resolveLocale(request);
            }
        };
        header.setDefaultLocale(Labels.BOKMAL);
        return header;
    }
}
