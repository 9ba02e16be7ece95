package dev.stagecheck.selftest;

import dev.stagecheck.config.Settings;
import dev.stagecheck.report.AllureHistory;
import dev.stagecheck.report.AllureResults;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

/**
 * A child JVM a self-test starts writes into a scratch folder of its own under target/, never
 * into the user's reports/ (a self-test's child Preflight once emptied reports/allure-results
 * right after the checklist had written there, leaving `mvn allure:report` with 0 test cases).
 * And a self-test JVM that nobody told its results folder refuses to empty the one
 * allure.properties names. No browser: the child only says where it would write.
 */
public class ChildOutputsTest {

    @Test(description = "a child started from the project directory writes its Allure results, history and reports.dir under target/, each child into its own folder")
    public void aChildGetsItsOwnScratchFolders() {
        var project = ProjectFiles.projectDir().toAbsolutePath().normalize();
        var first = folders(JavaProcess.of(Child.class.getName()).workDir(project).args("print").run());
        var second = folders(JavaProcess.of(Child.class.getName()).workDir(project).args("print").run());
        for (var entry : first.entrySet()) {
            var path = Path.of(entry.getValue());
            assertTrue(path.startsWith(ScratchFolders.target()), entry.getKey() + " of the child is " + path + ", not under target/");
            assertFalse(path.startsWith(project.resolve("reports")), entry.getKey() + " of the child is in the user's reports/: " + path);
            assertNotEquals(path, Path.of(second.get(entry.getKey())), entry.getKey() + ": two children share a folder");
        }
    }

    @Test(description = "with no folder named, a self-test JVM finds reports/allure-results through allure.properties and refuses to empty it")
    public void anUnnamedResultsFolderIsNotEmptied() throws IOException {
        var scratch = ScratchFolders.newFolder("unnamed-outputs-");
        try {
            var earlier = earlierResult(scratch);
            var run = JavaProcess.of(Child.class.getName()).workDir(scratch).outputsUnnamed().args("clear").run();
            assertEquals(run.exitCode(), 0, "the child failed:" + run.describe());
            assertTrue(run.stdout().contains("refused:") && run.stdout().contains(earlier.getParent().toString()),
                    "the child should have refused to empty " + earlier.getParent() + ":" + run.describe());
            assertTrue(Files.exists(earlier), "the child emptied a results folder nobody named:" + run.describe());
        } finally {
            ProjectFiles.deleteRecursively(scratch);
        }
    }

    @Test(description = "a results folder named with -Dallure.results.directory is emptied (the refusal above is not a blanket no)")
    public void aNamedResultsFolderIsEmptied() throws IOException {
        var scratch = ScratchFolders.newFolder("named-outputs-");
        try {
            var earlier = earlierResult(scratch);
            var run = JavaProcess.of(Child.class.getName()).workDir(scratch)
                    .property(AllureResults.DIRECTORY_KEY, earlier.getParent().toString())
                    .args("clear").run();
            assertTrue(run.exitCode() == 0 && run.stdout().contains("cleared"), "the child did not empty its folder:" + run.describe());
            assertFalse(Files.exists(earlier), "the named results folder still holds " + earlier.getFileName() + ":" + run.describe());
        } finally {
            ProjectFiles.deleteRecursively(scratch);
        }
    }

    /** An earlier run's result where a user's run would find it: reports/allure-results in the working directory. */
    private static Path earlierResult(Path workDir) throws IOException {
        var results = Files.createDirectories(workDir.resolve("reports/allure-results")).toAbsolutePath().normalize();
        return Files.writeString(results.resolve("0000-earlier-result.json"), "{}");
    }

    private static Map<String, String> folders(JavaProcess.Result run) {
        assertEquals(run.exitCode(), 0, "the child failed:" + run.describe());
        var folders = new LinkedHashMap<String, String>();
        run.stdout().lines().filter(line -> line.contains("=")).forEach(line ->
                folders.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        assertEquals(folders.keySet(), java.util.Set.of("allure results", "trend history", "reports.dir"), "the child's answer:" + run.describe());
        return folders;
    }

    /** The child: says where it would write ("print"), or empties its results folder as the Preflight does ("clear"). */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            if (args.length == 1 && args[0].equals("clear")) {
                try {
                    AllureResults.clear();
                    System.out.println("cleared " + AllureResults.directory().toAbsolutePath().normalize());
                } catch (IllegalStateException e) {
                    System.out.println("refused: " + e.getMessage());
                }
                return;
            }
            var results = AllureResults.directory().toAbsolutePath().normalize();
            System.out.println("allure results=" + results);
            System.out.println("trend history=" + AllureHistory.beside(results).kept());
            System.out.println("reports.dir=" + Settings.load(System.getProperties(), System.getenv()).reportsDir().toAbsolutePath().normalize());
        }
    }
}
