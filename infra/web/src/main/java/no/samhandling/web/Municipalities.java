package no.samhandling.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The municipalities' names by kommunenummer, from {@code samhandling/municipalities.tsv} (number,
 * tab, name as Statistics Norway's classification writes it). Pages name the municipality, never
 * only its number.
 */
public final class Municipalities {

    static final String RESOURCE = "samhandling/municipalities.tsv";

    private final Map<String, String> names;

    private Municipalities(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    public static Municipalities load() {
        try (InputStream in = Municipalities.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            Map<String, String> names = new TreeMap<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2 || !columns[0].matches("\\d{4}") || columns[1].isBlank()) {
                    throw new IllegalStateException(RESOURCE + ": not <number><tab><name>: " + line);
                }
                if (names.put(columns[0], columns[1].strip()) != null) {
                    throw new IllegalStateException(RESOURCE + ": " + columns[0] + " appears twice");
                }
            }
            return new Municipalities(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Melhus}, or empty for a number the list does not hold. */
    public Optional<String> name(String number) {
        return Optional.ofNullable(number == null ? null : names.get(number));
    }

    /**
     * How a page names the municipality: {@code Melhus kommune}. A number missing from the list
     * still reads as a municipality ({@code kommune 1234}), so a new tenant is never shown a blank.
     */
    public String displayName(String number, Locale locale) {
        return name(number).map(name -> name + " kommune").orElse("kommune " + number);
    }
}
