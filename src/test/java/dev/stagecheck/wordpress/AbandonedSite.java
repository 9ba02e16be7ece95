package dev.stagecheck.wordpress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-test run killed with its WordPress up: starts a site, says what it made, and halts the JVM
 * without any clean-up (as kill -9 or a cancelled CI job does). {@link #remains} tells what of it is
 * still there, so a test can see the next start remove it.
 */
public final class AbandonedSite {
    private AbandonedSite() {
    }

    public static void main(String[] args) throws IOException {
        var site = WordPressSite.start();
        var pid = Files.readString(site.folder().resolve("apache.pid")).strip();
        System.out.println("abandoned " + site.folder() + " " + site.databaseName() + " " + site.id() + " " + pid);
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }

    /** What still exists of the site the {@code abandoned ...} line in this output names; empty when all is gone. */
    public static List<String> remains(String output) {
        var line = output.lines().filter(text -> text.startsWith("abandoned ")).findFirst()
                .orElseThrow(() -> new AssertionError("the abandoned run did not say what it started: " + output));
        var fields = line.split(" ");
        var folder = Path.of(fields[1]);
        var left = new ArrayList<String>();
        if (Files.exists(folder)) {
            left.add("its folder " + folder);
        }
        var config = WordPressSite.hostConfig(fields[3]);
        if (Files.exists(config)) {
            left.add("its host config " + config);
        }
        if (ProcessHandle.of(Long.parseLong(fields[4])).isPresent()) {
            left.add("its Apache (pid " + fields[4] + ")");
        }
        var databases = Shell.run(Duration.ofSeconds(30), List.of("mysql", "-N", "-B", "-e", "SHOW DATABASES")).output();
        if (databases.lines().anyMatch(fields[2]::equals)) {
            left.add("its database " + fields[2]);
        }
        return left;
    }
}
