package no.samhandling.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The shared frame of every page: the layout's model ({@link PageContext}), the gateway's CSRF
 * token in forms, and the municipalities' names. The layout, styles, script, texts
 * ({@code samhandling/web}) and error pages come with this module's resources.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebPagesAutoConfiguration {

    @Bean
    Municipalities municipalities() {
        return Municipalities.load();
    }

    /** {@code ${@dates.dateTime(…)}} in templates. */
    @Bean
    Dates dates() {
        return new Dates();
    }

    @Bean
    WebMvcConfigurer pageContext(Municipalities municipalities) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new PageContextInterceptor(municipalities));
            }
        };
    }

    @Bean
    FilterRegistrationBean<GatewayCsrfTokenFilter> gatewayCsrfTokenFilter() {
        FilterRegistrationBean<GatewayCsrfTokenFilter> registration = new FilterRegistrationBean<>(new GatewayCsrfTokenFilter());
        // Before Spring Security's filters, so the token is there whatever they decide.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
