package no.samhandling.baseline;

import java.util.List;

/** The production profile found settings missing or at public values; the message names each one. */
public class ProductionSettingsException extends IllegalStateException {

    private final List<String> problems;

    public ProductionSettingsException(List<String> problems) {
        super("The production profile refuses to start:\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
