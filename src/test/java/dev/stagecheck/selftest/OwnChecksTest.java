package dev.stagecheck.selftest;

import com.example.checks.ConsentFirstSignIn;
import com.example.checks.PricingPageTest;
import dev.stagecheck.checklist.LoginTest;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * The README's "Adding your own checks", run as a user runs it: the worked example (a check of
 * one's own in src/test/java that extends ChecklistTest, with a finding kind and custom.* keys of
 * its own, and a sign-in flow of one's own) in a child JVM against the demo site, from a suite file
 * that lists no listeners. The README's code blocks must be the example's files, word for word.
 */
public class OwnChecksTest {
    private static final Path EXAMPLES = Path.of("src/test/java/com/example/checks");
    private Path scratch;
    private Path profile;

    @BeforeClass
    public void scratchFolderAndProfile() throws IOException {
        scratch = ScratchFolders.newFolder("own-checks-");
        // The demo profile with the example's sign-in flow named, as a user's profile would name theirs.
        profile = scratch.resolve("demo-with-own-flow.properties");
        Files.writeString(profile, Files.readString(ProjectFiles.projectDir().resolve("sites/demo.properties"))
                + "\nlogin.flow=" + ConsentFirstSignIn.class.getName() + "\ncustom.consent.accept=#cookie-accept\n");
    }

    @Test(description = "the README's worked example is the example's code, word for word")
    public void readmeShowsTheExampleAsItIs() throws IOException {
        var readme = Files.readString(ProjectFiles.projectDir().resolve("README.md"));
        var section = readme.substring(readme.indexOf("## Adding your own checks"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        for (var file : List.of("PricingPageTest.java", "ConsentFirstSignIn.java")) {
            var code = Files.readString(ProjectFiles.projectDir().resolve(EXAMPLES).resolve(file));
            assertTrue(section.contains("```java\n" + code + "```"), "README 'Adding your own checks' should show " + EXAMPLES.resolve(file)
                    + " exactly as it is (copy the file into the code block)");
        }
    }

    @Test(description = "a check of one's own gets the browser, the profile's custom keys and the kit's guard; a sign-in flow of one's own signs in")
    public void theExamplePassesOnTheHealthyDemo() throws IOException {
        var run = run("healthy");
        assertEquals(run.exitCode(), 0, "the example and LoginTest with the example's flow should pass on the demo:" + run.describe());
        assertTrue(run.stdout().contains("Total tests run: 4, Passes: 4, Failures: 0, Skips: 0"), run.describe());
        assertTrue(allureResults("healthy").anyMatch(json -> json.contains("\"name\":\"Accept the cookie banner, then sign in\"")),
                "the Allure results should show the example flow's step: login.flow did not replace the form sign-in");
    }

    @Test(description = "a user's finding kind fails with its label and gets its own Allure category; -Dcustom.* overrides the profile")
    public void theUsersFindingKindIsReportedLikeTheKitsOwn() throws IOException {
        var run = run("missing-content", "-Dcustom.pricing.text=per seat and minute");
        var example = example("missing-content");
        assertTrue(example.is("FAIL") && example.message().startsWith("Missing content: ")
                        && example.message().contains("does not show 'per seat and minute'"),
                "the example should fail naming its own finding kind and the overridden text: " + example + run.describe());
        var categories = Files.readString(scratch.resolve("missing-content/allure-results/categories.json"));
        assertTrue(categories.contains("\"name\": \"Missing content\""), "categories.json should have the user's kind: " + categories);
    }

    @Test(description = "the kit's 401 guard fails a user's check that passed its own assertions")
    public void theGuardWatchesTheUsersCheckToo() throws IOException {
        // The home page shows the products picture, which this fault locks; the example's own text check passes.
        var run = run("guarded", "-Ddemo.faults=asset-401", "-Dcustom.pricing.url=/", "-Dcustom.pricing.text=Products");
        var example = example("guarded");
        assertTrue(example.is("FAIL") && Pattern.compile("^Unexpected 401: http://\\S+/assets/img/products\\.svg ").matcher(example.message()).find(),
                "the guard should fail the example for the picture's 401: " + example + run.describe());
    }

    /** The example class and LoginTest in a child JVM, as `mvn test -Dsuite=...` runs a suite of one's own. */
    private JavaProcess.Result run(String name, String... properties) throws IOException {
        var dir = Files.createDirectories(scratch.resolve(name));
        var suite = dir.resolve("own-checks.xml");
        Files.writeString(suite, """
                <!DOCTYPE suite SYSTEM "https://testng.org/testng-1.0.dtd">
                <suite name="own checks %s">
                  <test name="own checks">
                    <classes>
                      <class name="%s"/>
                      <class name="%s"/>
                    </classes>
                  </test>
                </suite>
                """.formatted(name, PricingPageTest.class.getName(), LoginTest.class.getName()), StandardCharsets.UTF_8);
        var child = JavaProcess.of("org.testng.TestNG")
                .jvmArg("-javaagent:" + JavaProcess.aspectjWeaver())
                .removeEnv(variable -> variable.startsWith("STAGECHECK_"))
                .property("site", profile.toString())
                .property("allure.results.directory", dir.resolve("allure-results").toString())
                .property("reports.dir", dir.toString())
                .property("sun.net.httpserver.nodelay", "true")
                .workDir(ProjectFiles.projectDir())
                .timeout(Duration.ofMinutes(3));
        for (var property : properties) {
            var pair = property.substring(2).split("=", 2);
            child.property(pair[0], pair[1]);
        }
        return child.args("-d", dir.resolve("testng").toString(), suite.toString()).run();
    }

    private TestNgResults.Method example(String name) throws IOException {
        return TestNgResults.read(scratch.resolve(name).resolve("testng/testng-results.xml")).tests("own checks").stream()
                .filter(method -> method.name().startsWith(PricingPageTest.class.getSimpleName() + ".")).findFirst()
                .orElseThrow(() -> new AssertionError("the example did not run in " + scratch.resolve(name)));
    }

    private Stream<String> allureResults(String name) throws IOException {
        try (var files = Files.list(scratch.resolve(name).resolve("allure-results"))) {
            return files.filter(file -> file.toString().endsWith("-result.json")).map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new AssertionError("cannot read " + file, e);
                }
            }).toList().stream();
        }
    }
}
