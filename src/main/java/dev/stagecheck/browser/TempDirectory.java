package dev.stagecheck.browser;

import dev.stagecheck.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A throw-away directory a browser keeps its profile in, deleted with everything in it once the browser quit.
 * The run knows every one still there: the end of the run finds browsers by them and deletes them all.
 */
record TempDirectory(Path path) {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static TempDirectory create(String prefix) {
        try {
            var dir = new TempDirectory(Files.createTempDirectory(prefix));
            LIVE.add(dir.path());
            return dir;
        } catch (IOException e) {
            throw new ConfigException("cannot create a temporary browser profile (" + e.getMessage() + "): check the temp directory");
        }
    }

    /** The profile folders of this run not deleted yet. */
    static Set<Path> live() {
        return Set.copyOf(LIVE);
    }

    /** Deletes every folder still there (at the end of the run, once their browsers are gone). */
    static void deleteAll() {
        live().forEach(path -> new TempDirectory(path).delete());
    }

    /**
     * Deletes it, after killing any process still using it: a browser whose driver was killed or died
     * lives on as init's child otherwise. A directory left behind is not worth failing a run for.
     */
    void delete() {
        OwnProcesses.kill(OwnProcesses.using(Set.of(path)), RunShutdown.KILL_BOUND);
        LIVE.remove(path);
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is not worth failing a run for.
        }
    }
}
