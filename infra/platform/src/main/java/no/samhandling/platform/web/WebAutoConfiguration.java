package no.samhandling.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Problem details for every error of every service, a size limit on every request body, and the
 * shared error pages for the errors of pages.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
public class WebAutoConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(MessageSource messages) {
        return new ProblemDetailsAdvice(messages);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            @Value("${samhandling.web.max-request-body:1MB}") DataSize maxRequestBody, ProblemDetailsSecurityHandler problems) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(maxRequestBody.toBytes(), problems));
        // Before Spring Security and everything else that might read the body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "no.samhandling.web.PageController")
    static class Pages {

        @Bean
        PageErrors pageErrors() {
            return new PageErrors();
        }

        @Bean
        PageForms pageForms(jakarta.validation.Validator validator, MessageSource messages) {
            return new PageForms(validator, messages);
        }
    }
}
