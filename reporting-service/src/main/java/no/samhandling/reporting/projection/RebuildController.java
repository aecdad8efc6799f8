package no.samhandling.reporting.projection;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds every projection from the beginning of the topics into a new generation; readers keep
 * the previous complete figures until it has caught up, then switch in one write.
 */
@RestController
@RequestMapping("/reports/rebuild")
class RebuildController {

    private final ProjectionConsumers runner;
    private final Generations generations;

    RebuildController(ProjectionConsumers runner, Generations generations) {
        this.runner = runner;
        this.generations = generations;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildStatus rebuild() {
        runner.rebuild();
        return status();
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    RebuildStatus status() {
        Generations.Rebuild rebuild = runner.rebuildStatus();
        return new RebuildStatus(generations.current().number(),
                rebuild == null ? null : new RebuildStatus.Run(rebuild.generation().number(), rebuild.status(),
                        rebuild.startedAt(), rebuild.completedAt()));
    }

    /** @param currentGeneration the generation readers get now */
    record RebuildStatus(int currentGeneration, Run lastRebuild) {

        record Run(int generation, Generations.Rebuild.Status status, Instant startedAt, Instant completedAt) {
        }
    }
}
