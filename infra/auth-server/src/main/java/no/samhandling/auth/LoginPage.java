package no.samhandling.auth;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import no.samhandling.web.PageController;

/**
 * The login form people meet when they sign in at the gateway, in the layout of every page, in
 * bokmål or nynorsk: the gateway's language choice ({@code SAMHANDLING_LANG}, which a browser also
 * sends here when both run on one host) or the layout's own switch.
 */
@PageController
class LoginPage {

    static final String LANGUAGE_COOKIE = "SAMHANDLING_LANG";

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @Configuration(proxyBeanMethods = false)
    static class Language implements WebMvcConfigurer {

        @Bean
        LocaleResolver localeResolver() {
            CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
            resolver.setDefaultLocale(Locale.forLanguageTag("nb"));
            resolver.setCookieHttpOnly(true);
            resolver.setCookieSameSite("Lax");
            return resolver;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            LocaleChangeInterceptor switchLanguage = new LocaleChangeInterceptor();
            switchLanguage.setParamName("lang");
            registry.addInterceptor(switchLanguage);
        }
    }
}
