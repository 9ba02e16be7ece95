package dev.stagecheck.config;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that must differ per run, written into a profile value as placeholders: {@code ${run}},
 * this run's id (the same everywhere in the run, so its traces can be found afterwards), and
 * {@code ${time}}, the moment the value is used (two forms sent in one run still differ). A site
 * that refuses a duplicate (WordPress answers a repeated comment with 409) gets a new text every run.
 */
public final class RunValues {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final String RUN = LocalDateTime.now(ZoneOffset.UTC).format(RUN_ID) + "-"
            + Integer.toString(new SecureRandom().nextInt(36 * 36 * 36 * 36), 36);

    private RunValues() {
    }

    /** This run's id, e.g. 20261202-101530-k3f9. */
    public static String runId() {
        return RUN;
    }

    /** The value with every placeholder replaced now. */
    public static String expand(String value) {
        return PLACEHOLDER.matcher(value).replaceAll(match -> Matcher.quoteReplacement(switch (match.group(1)) {
            case "run" -> RUN;
            case "time" -> LocalDateTime.now(ZoneOffset.UTC).format(TIME);
            default -> throw new IllegalArgumentException("unknown placeholder " + match.group());
        }));
    }

    /** Why a value cannot be used (a placeholder the kit does not know), or empty. */
    static Optional<String> problem(String value) {
        var matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            if (!matcher.group(1).equals("run") && !matcher.group(1).equals("time")) {
                return Optional.of("uses the placeholder " + matcher.group() + ", which the kit does not know: "
                        + "${run} (this run's id) and ${time} (when the value is typed) are the ones there are");
            }
        }
        return Optional.empty();
    }
}
