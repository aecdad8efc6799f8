package no.samhandling.baseline;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Every Samhandling web application (the services, the gateway, the authorization server): {@code /error} never answers 500. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ErrorPathAutoConfiguration {

    @Bean
    FilterRegistrationBean<ErrorPathGuard> errorPathGuard() {
        FilterRegistrationBean<ErrorPathGuard> registration = new FilterRegistrationBean<>(new ErrorPathGuard());
        registration.addUrlPatterns(ErrorPathGuard.ERROR_PATH, ErrorPathGuard.ERROR_PATH + "/*");
        // Before Spring Security, so the answer does not depend on whether the caller brought a token.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
