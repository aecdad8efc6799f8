package no.samhandling.platform.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemExceptionTest {

    @Test
    void refusesAnExtensionThatWouldOverwriteAStandardMember() {
        assertThatThrownBy(() -> new ProblemException(HttpStatus.CONFLICT, Problems.CONFLICT, "k", null, Map.of("status", "SUBMITTED")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
