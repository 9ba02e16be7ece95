package dev.stagecheck.browser;

import dev.stagecheck.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** A throw-away directory a browser keeps its profile in, deleted with everything in it once the browser quit. */
record TempDirectory(Path path) {

    static TempDirectory create(String prefix) {
        try {
            return new TempDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new ConfigException("cannot create a temporary browser profile (" + e.getMessage() + "): check the temp directory");
        }
    }

    /** Deletes it; a directory left behind is not worth failing a run for. */
    void delete() {
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
