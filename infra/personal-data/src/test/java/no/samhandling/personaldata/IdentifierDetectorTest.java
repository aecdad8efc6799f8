package no.samhandling.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import no.samhandling.platform.test.NationalIdNumbers;

/**
 * The detector against generated text: every way of writing a national id number or a date is
 * refused wherever it sits in innocent text, and innocent text of the kinds a referral holds passes.
 */
class IdentifierDetectorTest {

    /** Every separator the detector must see through, between any two digits. */
    static final List<String> SEPARATORS = List.of(" ", "  ", "-", " - ", ".", "\u00A0", "\u202F", "\u2007", "\u2009", "\u2002",
            "\u2010", "\u2011", "\u2012", "\u2013", "\u2212", "\u200B", "\u00AD", "\u2060", "\t", "\n");

    static final List<List<String>> MONTHS = List.of(
            List.of("januar", "jan", "jan."), List.of("februar", "feb", "feb."), List.of("mars", "mar", "mar."),
            List.of("april", "apr", "apr."), List.of("mai"), List.of("juni", "jun", "jun."), List.of("juli", "jul", "jul."),
            List.of("august", "aug", "aug."), List.of("september", "sep", "sep.", "sept", "sept."),
            List.of("oktober", "okt", "okt."), List.of("november", "nov", "nov."), List.of("desember", "des", "des."));

    static final List<String> BIRTH_WORDS = List.of("født", "fødd", "Født", "FØDD", "f.", "fødselsdato", "fødselsdato:", "Fødselsdag",
            "bursdag", "født den", "fødd den");

    /** Where an identifier may sit: around it only words, so what is found is what was put in. */
    static final List<String> NEIGHBOURS = List.of("fnr", "nr.", "Gjeld", "eleven", "(", ")", ":", "jenta,", "sjå", "barnet", "–");

    // --- what must be refused ---

    @Property
    void findsANationalIdNumberWrittenWithAnySeparatorsInAnyText(@ForAll("nationalIdNumbers") String number,
            @ForAll("separatorsBetweenDigits") List<String> separators, @ForAll("innocentText") String before,
            @ForAll("innocentText") String after, @ForAll("neighbour") String left, @ForAll("neighbour") String right) {
        String written = withSeparators(number, separators);

        assertThat(IdentifierDetector.containsIdentifier(before + " " + left + " " + written + " " + right + " " + after))
                .as("%s", written).isTrue();
    }

    @Property
    void findsElevenDigitsWhoseCheckDigitsDoNotAddUp(@ForAll("elevenDigits") String digits,
            @ForAll("separatorsBetweenDigits") List<String> separators, @ForAll("innocentText") String around) {
        assertThat(IdentifierDetector.containsIdentifier(around + " fnr " + withSeparators(digits, separators) + " er feil. " + around)).isTrue();
    }

    @Property
    void findsANumberInAnyScriptOfDigits(@ForAll("nationalIdNumbers") String number, @ForAll("zeroDigit") char zero) {
        StringBuilder written = new StringBuilder();
        number.chars().forEach(digit -> written.append((char) (zero + digit - '0')));

        assertThat(IdentifierDetector.containsIdentifier("Gjeld " + written)).isTrue();
    }

    @Property
    void findsAValidNumberGluedToOtherDigits(@ForAll("nationalIdNumbers") String number, @ForAll @IntRange(min = 0, max = 9) int glued) {
        assertThat(IdentifierDetector.containsIdentifier("nr " + number + glued)).isTrue();
        assertThat(IdentifierDetector.containsIdentifier("nr " + glued + number)).isTrue();
    }

    @Property
    void findsANumericDateWithAYearInAnyText(@ForAll("numericDates") String date, @ForAll("innocentText") String before,
            @ForAll("innocentText") String after, @ForAll("neighbour") String left) {
        assertThat(IdentifierDetector.containsIdentifier(before + " " + left + " " + date + " " + after)).as("%s", date).isTrue();
    }

    @Property
    void findsAWrittenDateWithAYearInBokmalAndNynorsk(@ForAll("writtenDates") String date, @ForAll("innocentText") String before,
            @ForAll("innocentText") String after) {
        assertThat(IdentifierDetector.containsIdentifier(before + " sidan " + date + " " + after)).as("%s", date).isTrue();
    }

    @Property
    void findsADayAndMonthIntroducedAsABirthDateEvenWithoutAYear(@ForAll("birthDays") String birthDay,
            @ForAll("innocentText") String before, @ForAll("innocentText") String after) {
        assertThat(IdentifierDetector.containsIdentifier(before + " " + birthDay + " " + after)).as("%s", birthDay).isTrue();
    }

    @Example
    void findsTheFormsTheIssueGotThrough() {
        assertThat(List.of("010203-12345", "01 02 03 123 45", "010203.12345", "1. februar 2003", "2003-02-01", "01/02/2003",
                "fødd 1.2.03", "født 01.02.2003", "1 feb. 2003", "01-02-2003", "1. feb 2003", "1. FEBRUAR 2003"))
                .allSatisfy(text -> assertThat(IdentifierDetector.containsIdentifier(text)).as(text).isTrue());
    }

    @Example
    void keepsWhatTheFormerCheckInReferralServiceFound() {
        assertThat(List.of("fnr 01020312345 oppgitt", "01020312345", "født 010203 12345", "født 1.2.2015", "født 01.02.15"))
                .allSatisfy(text -> assertThat(IdentifierDetector.containsIdentifier(text)).as(text).isTrue());
    }

    // --- what must pass ---

    @Property
    void letsInnocentReferralTextThrough(@ForAll("innocentText") String text) {
        assertThat(IdentifierDetector.containsIdentifier(text)).as("%s", text).isFalse();
    }

    @Property
    void letsAnyTextWithoutDigitsThrough(@ForAll("textWithoutDigits") String text) {
        assertThat(IdentifierDetector.containsIdentifier(text)).isFalse();
    }

    @Property
    void letsPhoneNumbersThrough(@ForAll("phoneNumbers") String phone) {
        assertThat(IdentifierDetector.containsIdentifier("Ring mor på " + phone + " etter kl. 15")).as("%s", phone).isFalse();
    }

    @Example
    void letsTheDocumentedPeriodsCountsAndNumbersThrough() {
        assertThat(List.of("Høgt fråvær sidan haust 2026", "3 av 5 dagar", "tlf-tid 12.00", "123456789012 tegn", "kl 08.30",
                "vår 2027", "veke 12", "uke 12", "2–3 gonger i veka", "2026", "fødd i 2015", "frå 1. mars", "frå 1.3. til påske",
                "kl. 14.30", "08:30", "912 34 567", "+47 22 33 44 55", "org.nr. 974 760 673", "sak 2026/1234-5", "2022–2025",
                "f.eks. 1. mars", "ref. 12.3", "jf. § 3-1", "17.123 innbyggarar", "1.1. Bakgrunn og mandat", "3.1.1 Lokale team"))
                .allSatisfy(text -> assertThat(IdentifierDetector.containsIdentifier(text)).as(text).isFalse());
    }

    @Example
    void nullAndEmptyHoldNothing() {
        assertThat(IdentifierDetector.containsIdentifier(null)).isFalse();
        assertThat(IdentifierDetector.containsIdentifier("")).isFalse();
    }

    // --- generators ---

    private String withSeparators(String digits, List<String> separators) {
        StringBuilder written = new StringBuilder().append(digits.charAt(0));
        for (int i = 1; i < digits.length(); i++) {
            written.append(separators.get(i - 1)).append(digits.charAt(i));
        }
        return written.toString();
    }

    /** Between each two digits: mostly nothing, sometimes any separator, as people and word processors group them. */
    @Provide
    Arbitrary<List<String>> separatorsBetweenDigits() {
        return Arbitraries.frequencyOf(
                        Tuple.of(6, Arbitraries.just("")),
                        Tuple.of(1, Arbitraries.of(SEPARATORS)))
                .list().ofSize(10);
    }

    @Provide
    Arbitrary<String> nationalIdNumbers() {
        Arbitrary<LocalDate> born = Arbitraries.integers().between(0, 365 * 60).map(days -> LocalDate.of(1966, 1, 1).plusDays(days));
        Arbitrary<Integer> offset = Arbitraries.integers().between(0, 300);
        return Combinators.combine(born, offset, Arbitraries.integers().between(0, 3)).as((date, from, kind) -> {
            int individualFrom = (date.getYear() >= 2000 ? 500 : 100) + from;
            return switch (kind) {
                case 0 -> NationalIdNumbers.regularFor(date, individualFrom);
                case 1 -> NationalIdNumbers.dNumberFor(date, individualFrom);
                case 2 -> NationalIdNumbers.hNumberFor(date, individualFrom);
                default -> NationalIdNumbers.syntheticFor(date);
            };
        });
    }

    @Provide
    Arbitrary<String> elevenDigits() {
        return Arbitraries.strings().numeric().ofLength(11);
    }

    @Provide
    Arbitrary<Character> zeroDigit() {
        // ASCII, fullwidth, Arabic-Indic, Devanagari, Bengali
        return Arbitraries.of('0', '\uFF10', '\u0660', '\u0966', '\u09E6');
    }

    @Provide
    Arbitrary<String> neighbour() {
        return Arbitraries.of(NEIGHBOURS);
    }

    @Provide
    Arbitrary<String> numericDates() {
        Arbitrary<LocalDate> day = Arbitraries.integers().between(0, 365 * 45).map(days -> LocalDate.of(1990, 1, 1).plusDays(days));
        Arbitrary<String> pattern = Arbitraries.of("d.M.yy", "d.M.yyyy", "dd.MM.yyyy", "dd.MM.yy", "d. M. yyyy", "d/M/yyyy", "dd/MM/yy",
                "dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd", "yyyy.MM.dd", "yyyy/MM/dd");
        Arbitrary<String> space = Arbitraries.of(" ", "\u00A0", "\u202F");
        return Combinators.combine(day, pattern, space).as((date, format, blank) ->
                date.format(java.time.format.DateTimeFormatter.ofPattern(format)).replace(" ", blank));
    }

    @Provide
    Arbitrary<String> writtenDates() {
        Arbitrary<LocalDate> day = Arbitraries.integers().between(0, 365 * 45).map(days -> LocalDate.of(1990, 1, 1).plusDays(days));
        return Combinators.combine(day, Arbitraries.integers().between(0, 4), Arbitraries.of("", "."), Arbitraries.of(" ", "\u00A0", "  "),
                Arbitraries.of(Case.values()), Arbitraries.of("", "0")).as((date, spelling, dot, blank, letterCase, pad) -> {
                    List<String> names = MONTHS.get(date.getMonthValue() - 1);
                    String month = letterCase.apply(names.get(spelling % names.size()));
                    String dayOfMonth = (date.getDayOfMonth() < 10 ? pad : "") + date.getDayOfMonth();
                    return dayOfMonth + dot + blank + month + blank + date.getYear();
                });
    }

    @Provide
    Arbitrary<String> birthDays() {
        Arbitrary<LocalDate> day = Arbitraries.integers().between(0, 365 * 25).map(days -> LocalDate.of(2000, 1, 1).plusDays(days));
        return Combinators.combine(Arbitraries.of(BIRTH_WORDS), day, Arbitraries.integers().between(0, 3)).as((word, date, form) -> {
            List<String> names = MONTHS.get(date.getMonthValue() - 1);
            String written = switch (form) {
                case 0 -> date.getDayOfMonth() + "." + date.getMonthValue();
                case 1 -> date.getDayOfMonth() + ". " + names.get(date.getDayOfMonth() % names.size());
                case 2 -> date.format(java.time.format.DateTimeFormatter.ofPattern("ddMMyy"));
                default -> date.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM"));
            };
            return word + " " + written;
        });
    }

    /** Sentences of what intake text is made of: periods, counts, times, phone numbers, words. */
    @Provide
    Arbitrary<String> innocentText() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("Samtale med elev og føresette", "Tett oppfølging", "Lite endring", "Noko betre", "Høgt fråvær",
                        "Språkgruppe i barnehagen", "Ekstra vaksen i friminutt", "Kontaktlærar ringjer heim", "Helsesjukepleiar",
                        "PPT", "BUP", "NAV", "Barnevernet", "Julsundet skule", "Barnebo barnehage", "ingen effekt", "fødd i Molde"),
                Arbitraries.of("haust", "vår", "høst").flatMap(half -> Arbitraries.integers().between(2020, 2030).map(year -> half + " " + year)),
                Arbitraries.of("veke", "uke", "Veke").flatMap(week -> Arbitraries.integers().between(1, 53).map(n -> week + " " + n)),
                Arbitraries.integers().between(1, 8).map(n -> n + "–" + (n + 1) + " gonger i veka"),
                Arbitraries.integers().between(1, 5).map(n -> n + " av 5 dagar"),
                Arbitraries.integers().between(1990, 2035).map(String::valueOf),
                Arbitraries.integers().between(2000, 2025).map(year -> "fødd i " + year),
                Combinators.combine(Arbitraries.integers().between(1, 31), Arbitraries.of(MONTHS.stream().map(List::getFirst).toList()))
                        .as((day, month) -> "frå " + day + ". " + month),
                Combinators.combine(Arbitraries.integers().between(7, 20), Arbitraries.of("00", "15", "30", "45"))
                        .as((hour, minute) -> "kl. " + hour + "." + minute),
                Arbitraries.integers().between(2020, 2030).flatMap(year -> Arbitraries.integers().between(1, 12)
                        .map(month -> MONTHS.get(month - 1).getFirst() + " " + year)),
                phoneNumbers().map(phone -> "tlf. " + phone),
                Arbitraries.integers().between(2020, 2030).flatMap(year -> Arbitraries.integers().between(1, 9999)
                        .map(n -> "sak " + year + "/" + n + "-" + (n % 7 + 1))));
        return fragment.list().ofMinSize(1).ofMaxSize(6)
                .flatMap(parts -> Arbitraries.of(" og ", "; ", " men ", ". Så ", " i tillegg ").list().ofSize(parts.size())
                        .map(joins -> join(parts, joins)));
    }

    @Provide
    Arbitrary<String> phoneNumbers() {
        Arbitrary<String> eightDigits = Arbitraries.integers().between(2, 9).flatMap(first ->
                Arbitraries.strings().numeric().ofLength(7).map(rest -> first + rest));
        return Combinators.combine(eightDigits, Arbitraries.of("", "+47 ", "+47\u00A0"), Arbitraries.integers().between(0, 2))
                .as((number, country, grouping) -> country + switch (grouping) {
                    case 0 -> number;
                    case 1 -> number.substring(0, 3) + " " + number.substring(3, 5) + " " + number.substring(5);
                    default -> number.substring(0, 2) + " " + number.substring(2, 4) + " " + number.substring(4, 6) + " " + number.substring(6);
                });
    }

    @Provide
    Arbitrary<String> textWithoutDigits() {
        return Arbitraries.strings().all().ofMaxLength(200)
                .filter(text -> Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints().noneMatch(Character::isDigit));
    }

    private static String join(List<String> parts, List<String> joins) {
        StringBuilder text = new StringBuilder(parts.getFirst());
        for (int i = 1; i < parts.size(); i++) {
            text.append(joins.get(i)).append(parts.get(i));
        }
        return text.toString();
    }

    enum Case {
        LOWER, UPPER, CAPITALISED;

        String apply(String word) {
            return switch (this) {
                case LOWER -> word;
                case UPPER -> word.toUpperCase(Locale.ROOT);
                case CAPITALISED -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
            };
        }
    }
}
