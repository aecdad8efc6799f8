package no.samhandling.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The login page speaks Norwegian, in the layout of every page, and follows the language people chose. */
@SpringBootTest
@AutoConfigureMockMvc
class LoginPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginPageIsInBokmalInTheSharedLayoutWithItsCsrfField() throws Exception {
        String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html lang=\"nb\"", "Logg inn i Samhandling", "<label for=\"username\">Brukernavn</label>",
                "/assets/samhandling.css", "name=\"_csrf\"").doesNotContain("Please sign in");
    }

    @Test
    void theLoginPageFollowsTheLanguageChosenAtTheGatewayAndSaysWhenThePasswordWasWrong() throws Exception {
        String page = mvc.perform(get("/login?error").cookie(new Cookie("SAMHANDLING_LANG", "nn")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html lang=\"nn\"", "Brukarnamn", "Brukarnamnet eller passordet er feil");
    }

    @Test
    void theLoginPagesOwnLanguageSwitchChoosesNynorskOverTheGatewaysEarlierChoice() throws Exception {
        String page = mvc.perform(get("/login?lang=nn").cookie(new Cookie("SAMHANDLING_LANG", "nb")).header("Accept-Language", "nb"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html lang=\"nn\"", "Brukarnamn", "href=\"/login?lang=nb\"");
    }
}
