package no.samhandling.arena.rhythm;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/** One scheduled meeting, in Europe/Oslo. */
public record Occurrence(ZonedDateTime start, ZonedDateTime end) {

    public Occurrence {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
    }

    public LocalDate date() {
        return start.toLocalDate();
    }
}
