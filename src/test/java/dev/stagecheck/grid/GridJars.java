package dev.stagecheck.grid;

import dev.stagecheck.selftest.ProjectFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the Selenium Grid server jars are: {@code target/selenium-grid/lib}, filled by
 * {@code src/test/grid/pom.xml} (the main build runs it at pre-integration-test). They are kept
 * off the kit's own classpath: the Grid server is 4.47.0 and the kit's client is 4.52.
 */
record GridJars(Path lib) {
    static final String LIB_PROPERTY = "selenium.grid.lib";
    static final String MAIN_CLASS = "org.openqa.selenium.grid.Main";

    /** {@code -Dselenium.grid.lib=<dir>} when given, else the project's target/selenium-grid/lib. */
    static GridJars locate() {
        var explicit = System.getProperty(LIB_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return new GridJars(Path.of(explicit.trim()).toAbsolutePath().normalize());
        }
        return new GridJars(ProjectFiles.projectDir().resolve("target/selenium-grid/lib"));
    }

    /** Why the Grid cannot be started from here, if it cannot. */
    Optional<String> missing() {
        try (var jars = Files.list(lib)) {
            if (jars.anyMatch(jar -> jar.getFileName().toString().startsWith("selenium-grid-"))) {
                return Optional.empty();
            }
        } catch (IOException e) {
            // no directory: same answer as an empty one
        }
        return Optional.of("no Selenium Grid jars in " + lib + ": run `mvn -f src/test/grid/pom.xml package`"
                + " (mvn verify does it before the self-tests) or point -D" + LIB_PROPERTY + " at a directory holding them");
    }

    /** The classpath for {@code java -cp}: the launcher expands {@code dir/*} itself, no shell needed. */
    String classpath() {
        return lib.resolve("*").toString();
    }
}
