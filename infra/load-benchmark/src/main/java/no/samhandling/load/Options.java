package no.samhandling.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The command line: {@code --rate 100 --duration 60s [--drain 60s] [--data-dir .local] [--no-bare]}. */
record Options(Schedule schedule, Duration drain, Path dataDir, boolean bareLimits) {

    static final String USAGE = """
            Usage: java -jar infra/load-benchmark/target/load-benchmark.jar [options]
              --rate <per second>   anonymous referrals per second (default 100)
              --duration <time>     how long to submit them: 60s, 2m, PT90S (default 60s)
              --drain <time>        how long to wait after the last one for reporting to count them (default 60s)
              --data-dir <dir>      the running local system's data, for its Kafka passwords (default .local)
              --no-bare             skip the bare MongoDB and Kafka limits
            """;

    static Options parse(String... args) {
        double rate = 100;
        Duration duration = Duration.ofSeconds(60);
        Duration drain = Duration.ofSeconds(60);
        Path dataDir = Path.of(".local");
        boolean bare = true;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--rate" -> rate = number(option, value(args, ++i, option));
                case "--duration" -> duration = duration(option, value(args, ++i, option));
                case "--drain" -> drain = duration(option, value(args, ++i, option));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, option));
                case "--no-bare" -> bare = false;
                default -> throw new IllegalArgumentException("Unknown option " + option + "\n" + USAGE);
            }
        }
        return new Options(new Schedule(rate, duration), drain, dataDir, bare);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not " + value);
        }
    }

    /** {@code 90}, {@code 90s}, {@code 2m}, {@code 500ms} or an ISO-8601 duration ({@code PT90S}). */
    static Duration duration(String option, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " takes a time such as 60s, 2m or PT90S, not " + value);
        }
    }
}
