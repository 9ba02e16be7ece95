package dev.stagecheck.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the runs a self-test starts put what they write (Allure results, reports.dir with its
 * baselines, history and logs, TestNG output): a folder of their own under target/, which
 * `mvn clean` removes. Never the user's reports/: it holds the results of their checklist run.
 */
final class ScratchFolders {
    private ScratchFolders() {
    }

    /** The build directory of the project: every scratch folder lies below it. */
    static Path target() {
        return ProjectFiles.projectDir().resolve("target").toAbsolutePath().normalize();
    }

    /** A new, empty folder of its own: target/selftest-scratch/{prefix}{random}. */
    static Path newFolder(String prefix) {
        try {
            var parent = Files.createDirectories(target().resolve("selftest-scratch"));
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder under " + target(), e);
        }
    }

    /** Fails the self-test when a run would write {@code what} outside target/ (relative paths resolve in {@code workDir}). */
    static void requireUnderTarget(String what, Path workDir, Path dir) {
        var absolute = workDir.resolve(dir).toAbsolutePath().normalize();
        if (!absolute.startsWith(target())) {
            throw new AssertionError(what + " of a self-test's run would be " + absolute + ", outside " + target()
                    + ": self-tests write under target/ only, so that the user's reports/ stay untouched"
                    + " (`mvn verify` names the folders of its JVM; a run of its own gets ScratchFolders.newFolder)");
        }
    }
}
