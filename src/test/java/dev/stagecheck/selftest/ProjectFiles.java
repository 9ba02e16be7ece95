package dev.stagecheck.selftest;

import java.io.IOException;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the project directory (the one holding {@code sites/demo.properties}) for self-tests that
 * read the project's own files, wherever the tests run from:
 * <ol>
 *   <li>the system property {@code stagecheck.project.dir}, when given (it must then be right);</li>
 *   <li>the working directory (Maven runs tests from the project directory);</li>
 *   <li>the directories above the compiled test classes ({@code target/test-classes} → project).</li>
 * </ol>
 */
public final class ProjectFiles {
    public static final String PROJECT_DIR_PROPERTY = "stagecheck.project.dir";
    public static final String DEMO_PROFILE = "sites/demo.properties";

    private static volatile Path projectDir;

    private ProjectFiles() {
    }

    /** The project directory, found once per JVM. */
    public static Path projectDir() {
        var dir = projectDir;
        if (dir == null) {
            synchronized (ProjectFiles.class) {
                if (projectDir == null) {
                    projectDir = find();
                }
                dir = projectDir;
            }
        }
        return dir;
    }

    /** The real profile of the built-in demo site. */
    public static Path demoProfile() {
        return projectDir().resolve(DEMO_PROFILE);
    }

    private static Path find() {
        var explicit = System.getProperty(PROJECT_DIR_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            var dir = Path.of(explicit.trim()).toAbsolutePath().normalize();
            if (!isProjectDir(dir)) {
                throw new IllegalStateException("-D" + PROJECT_DIR_PROPERTY + "=" + explicit
                        + " has no " + DEMO_PROFILE + ": point it at the stagecheck project directory");
            }
            return dir;
        }
        var tried = new ArrayList<Path>();
        var workingDir = Path.of("").toAbsolutePath().normalize();
        tried.add(workingDir);
        if (isProjectDir(workingDir)) {
            return workingDir;
        }
        var classes = classLocation();
        if (classes != null) {
            for (var dir = classes; dir != null; dir = dir.getParent()) {
                tried.add(dir);
                if (isProjectDir(dir)) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException("cannot find the project directory (with " + DEMO_PROFILE + ") in "
                + describe(tried) + ": run from the project directory or pass -D" + PROJECT_DIR_PROPERTY + "=<dir>");
    }

    private static boolean isProjectDir(Path dir) {
        return Files.isRegularFile(dir.resolve(DEMO_PROFILE));
    }

    /** Where this class was loaded from: a classes directory or a jar; null when the JVM will not say. */
    private static Path classLocation() {
        try {
            CodeSource source = ProjectFiles.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    private static String describe(List<Path> tried) {
        var text = new StringBuilder();
        for (var dir : tried) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(dir);
        }
        return text.toString();
    }

    /** Removes a scratch directory of a test and everything in it; nothing when it is null or gone. */
    static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
