package no.samhandling.reporting.figures;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import no.samhandling.reporting.disclosure.Cell;

/** Words and numbers for people: codes, periods and cells in bokmål or nynorsk. */
@Component
public class Labels {

    public static final Locale BOKMAL = Locale.forLanguageTag("nb");
    public static final Locale NYNORSK = Locale.forLanguageTag("nn");
    /** What a suppressed cell shows instead of a value. */
    public static final String SUPPRESSED_MARK = "–";
    public static final String MISSING_MARK = "..";

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** nn for nynorsk, bokmål otherwise. */
    public static Locale language(String tag) {
        return tag != null && (tag.startsWith("nn") || tag.startsWith("no-NY")) ? NYNORSK : BOKMAL;
    }

    public String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** A code's name, or the code itself when it has none. */
    public String code(String code, Locale locale) {
        return code("code.", code, locale);
    }

    /**
     * A code of one list by its label in that list ({@code theme.}, {@code deviation.category.}, …):
     * the labels of the codes that travel on events are shared by every service (event-contracts'
     * {@code samhandling/codes}), so the dashboard words a theme as the intake form does.
     */
    public String code(String list, String code, Locale locale) {
        String label = messages.getMessage(list + code, null, null, locale);
        return label != null ? label : messages.getMessage("code." + code, null, code, locale);
    }

    public String period(Period period, Locale locale) {
        return period.half() == null ? text("period.YEAR", locale, String.valueOf(period.year()))
                : text("period." + period.half(), locale, String.valueOf(period.year()));
    }

    /** A column key: a month ({@code 2026-03}), a half-year, or another code. */
    public String column(String key, Locale locale) {
        if (key.matches("\\d{4}-\\d{2}")) {
            String name = YearMonth.parse(key, DateTimeFormatter.ofPattern("yyyy-MM")).getMonth()
                    .getDisplayName(TextStyle.SHORT_STANDALONE, BOKMAL);
            return name.replace(".", "");
        }
        if (key.equals("VAR") || key.equals("HAUST")) {
            return text("half." + key, locale);
        }
        return code(key, locale);
    }

    /** A count, share or number of days as text; suppressed and missing cells as their marks. */
    public String cell(Cell cell, Locale locale) {
        return switch (cell.flag()) {
            case SUPPRESSED -> SUPPRESSED_MARK;
            case MISSING -> MISSING_MARK;
            case SHOWN -> number(cell.value(), locale);
        };
    }

    public String percent(Cell cell, Locale locale) {
        if (!cell.isShown()) {
            return cell(cell, locale);
        }
        NumberFormat format = NumberFormat.getPercentInstance(BOKMAL);
        format.setMaximumFractionDigits(1);
        return format.format(cell.value().doubleValue());
    }

    private static String number(Number value, Locale locale) {
        if (value instanceof Double decimal) {
            NumberFormat format = NumberFormat.getNumberInstance(BOKMAL);
            format.setMaximumFractionDigits(1);
            return format.format(decimal);
        }
        return NumberFormat.getIntegerInstance(BOKMAL).format(value.longValue());
    }
}
