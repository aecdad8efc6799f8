package no.samhandling.referral.leadership;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The closed lists of a register (categories and actions), each code with its label in the caller's language. */
@Component
class CodeLists {

    /** A code of a closed list with its label in the caller's language. */
    record Code(String code, String label) {
    }

    record Codes(List<Code> categories, List<Code> actions) {
    }

    private final MessageSource messages;

    CodeLists(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code register} is the labels' prefix: {@code deviation} or {@code system-case}. */
    Codes of(String register, Enum<?>[] categories, Enum<?>[] actions) {
        return new Codes(labelled(register + ".category.", categories), labelled(register + ".action.", actions));
    }

    private List<Code> labelled(String prefix, Enum<?>[] codes) {
        return Arrays.stream(codes)
                .map(code -> new Code(code.name(), messages.getMessage(prefix + code.name(), null, LocaleContextHolder.getLocale())))
                .toList();
    }
}
