package no.samhandling.arena.rhythm;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A meeting rhythm that cannot be expressed. Carries the JSON field at fault (for example
 * {@code rhythm.interval}) and a message key from {@code rhythm-messages*.properties}.
 */
public class InvalidRhythmException extends RuntimeException {

    static final String BUNDLE = "rhythm-messages";

    private final String field;
    private final String messageKey;
    private final List<Object> arguments;

    public InvalidRhythmException(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey + (arguments.length == 0 ? "" : " " + List.of(arguments)));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** The JSON field at fault, prefixed with {@code rhythm.}. */
    public String field() {
        return field;
    }

    /** A key in {@code rhythm-messages.properties}; the arguments fill its placeholders. */
    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** The Norwegian message for a user. */
    public String message(Language language) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(messageKey), language.locale()).format(arguments.toArray());
    }
}
