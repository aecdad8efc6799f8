package no.samhandling.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Problem details for every error of every service; the shared error pages for the errors of pages. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
public class WebAutoConfiguration {

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(MessageSource messages) {
        return new ProblemDetailsAdvice(messages);
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
