package dev.stagecheck.selftest;

import dev.stagecheck.config.Settings;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The kit's packages use each other one way only, so each can be read, tested and changed from
 * the bottom up: no cycle between {@code dev.stagecheck} packages, and configuration (read first,
 * by everything) knows nothing of browsers or traffic. Read from the compiled classes; no browser.
 */
public class PackageCyclesTest {
    private PackageGraph kit;

    @BeforeClass
    public void readCompiledClasses() throws Exception {
        kit = PackageGraph.of(classesOf(Settings.class));
    }

    private static Path classesOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    public void classesOfTheKitAreRead() {
        // An empty or unreadable graph would have no cycles either: make sure the real one was read.
        assertTrue(kit.packages().containsAll(List.of("dev.stagecheck.config", "dev.stagecheck.browser", "dev.stagecheck.traffic")),
                "packages read: " + kit.packages());
        assertTrue(kit.uses("dev.stagecheck.browser").contains("dev.stagecheck.config"), kit.describe("dev.stagecheck.browser", "dev.stagecheck.config"));
    }

    @Test
    public void noCycleBetweenPackages() {
        var cycles = kit.cycles();
        assertTrue(cycles.isEmpty(), "packages that use each other (break each cycle by moving a class down to a"
                + " package both can use):\n" + String.join("\n", cycles));
    }

    @Test
    public void configUsesNeitherBrowserNorTraffic() {
        for (var upper : List.of("dev.stagecheck.browser", "dev.stagecheck.traffic")) {
            assertFalse(kit.uses("dev.stagecheck.config").contains(upper), kit.describe("dev.stagecheck.config", upper)
                    + ": configuration is read before any browser starts and must not depend on one");
        }
    }

    @Test
    public void theCycleSearchFindsCycles() {
        var graph = PackageGraph.of(List.of("a -> b", "b -> c", "c -> a", "c -> d", "d -> e"));
        var cycles = graph.cycles();
        assertEquals(cycles.size(), 1, cycles.toString());
        assertEquals(cycles.get(0), "cycle among [a, b, c]: a -> b (a.X), b -> c (b.X), c -> a (c.X)");
        assertEquals(PackageGraph.of(List.of("a -> b", "b -> c", "a -> c")).cycles(), List.of());
    }
}
