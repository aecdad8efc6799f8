package no.samhandling.referral.themes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import no.samhandling.events.referral.Theme;

/** The closed theme list with its Norwegian labels, for intake forms and reports. */
@RestController
class ThemeController {

    record ThemeLabel(Theme code, String label) {
    }

    private final MessageSource messages;

    ThemeController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/themes")
    List<ThemeLabel> themes() {
        Locale locale = LocaleContextHolder.getLocale();
        return Arrays.stream(Theme.values())
                .map(theme -> new ThemeLabel(theme, messages.getMessage("theme." + theme.name(), null, locale)))
                .toList();
    }
}
