package no.samhandling.arena;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The arena catalogue, meeting rhythm, meetings, agendas and minutes. */
@SpringBootApplication
public class ArenaServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ArenaServiceApplication.class, args);
    }
}
