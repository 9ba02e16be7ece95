package dev.stagecheck.selftest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Stands in for Maven in a self-test: starts the JVM named by its arguments as Surefire starts its
 * fork ({@code /bin/sh -c "cd dir && java ..."}), and waits for it. A SIGINT or SIGTERM ends it at
 * once without telling the fork, as a Ctrl-C to {@code mvn} or a cancelled CI build ended Maven.
 */
public final class MavenStandIn {
    private MavenStandIn() {
    }

    public static void main(String[] args) throws Exception {
        var command = "cd '" + System.getProperty("user.dir") + "' && " + List.of(args).stream()
                .map(arg -> "'" + arg.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        var fork = new ProcessBuilder("/bin/sh", "-c", command).inheritIO().start();
        System.exit(fork.waitFor());
    }
}
