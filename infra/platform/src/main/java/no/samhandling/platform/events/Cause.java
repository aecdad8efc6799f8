package no.samhandling.platform.events;

import java.util.regex.Pattern;

import no.samhandling.events.InvalidEventException;

/**
 * Why a record could not be handled, small enough for a header and a log line: the class and
 * message of the root cause, not of the wrappers around it ("Listener failed"). For a record that
 * is not a valid event it is the {@link InvalidEventException}, whose message names the reason
 * (and the parser's exception class) without quoting the record; what it wraps would.
 *
 * <p>Messages of libraries can quote values (a JSON token, a duplicate key), so quoted text and
 * runs of six or more digits are masked and the message is cut at {@value #MAX_MESSAGE}
 * characters: a cause never carries personal data into a header, a log or the admin API. Ids are
 * masked too (a UUID such as a child's subject id, a guardian's pseudonym, and any token of 24 or
 * more letters, digits and dashes with a digit in it, such as a sealed value): a dead letter's
 * headers are the one part of it that is not a copy of the event, and must not tie the record to
 * a child once the event itself is sealed ("Subject 1b4e28ba-… belongs to another municipality"
 * is a cause {@code SubjectKeys} gives).
 */
record Cause(String className, String message) {

    static final int MAX_MESSAGE = 300;
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");
    private static final Pattern IDS = Pattern.compile("[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}"
            + "|pseudonym\\.v\\d+\\.[\\w-]+|(?<![\\w-])(?=[\\w-]*\\d)[\\w-]{24,}");
    private static final Pattern DIGITS = Pattern.compile("\\d[\\d .-]{4,}\\d");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    static Cause of(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof InvalidEventException)) {
            root = root.getCause();
        }
        return new Cause(root.getClass().getName(), safe(root.getMessage()));
    }

    static String safe(String message) {
        if (message == null) {
            return "";
        }
        String masked = DIGITS.matcher(IDS.matcher(QUOTED.matcher(message).replaceAll("'…'")).replaceAll("#")).replaceAll("#");
        masked = CONTROL.matcher(masked).replaceAll(" ");
        return masked.length() <= MAX_MESSAGE ? masked : masked.substring(0, MAX_MESSAGE - 1) + "…";
    }

    @Override
    public String toString() {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        return message.isEmpty() ? simpleName : simpleName + ": " + message;
    }
}
