package no.samhandling.platform.deadletters;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import no.samhandling.platform.security.Caller;

/**
 * The dead letters of this service's consumers, for administrators: {@code GET /admin/dead-letters}
 * lists them (topic, partition, offset, event type, {@code ce_id}, {@code ce_source}, time and
 * cause; never the payload), {@code GET /admin/dead-letters/{topic}/{partition}/{offset}} shows one
 * with its headers and its payload's size, and {@code POST …/replay} hands one, or every one of a
 * dead-letter topic not replayed yet, to the consumers again after the cause was fixed.
 */
@RestController
@RequestMapping("/admin/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
class DeadLetterController {

    private final DeadLetterAdministration administration;

    DeadLetterController(DeadLetterAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    DeadLetterAdministration.Listing list(@RequestParam(required = false) String topic,
            @RequestParam(defaultValue = "100") int limit, Caller caller) {
        return administration.list(caller, topic, limit);
    }

    @GetMapping("/{topic}/{partition}/{offset}")
    DeadLetter.Detail inspect(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset, Caller caller) {
        return administration.inspect(caller, topic, partition, offset);
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    DeadLetterAdministration.Replayed replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
            Caller caller) {
        return administration.replay(caller, topic, partition, offset);
    }

    @PostMapping("/{topic}/replay")
    DeadLetterAdministration.ReplayedAll replayAll(@PathVariable String topic, Caller caller) {
        return administration.replayAll(caller, topic);
    }
}
