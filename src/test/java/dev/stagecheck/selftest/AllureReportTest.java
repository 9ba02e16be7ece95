package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSetup;
import dev.stagecheck.config.Settings;
import dev.stagecheck.report.AllureHistory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * The Allure report as a user gets it, opened in a real browser. Twice in a row, as `mvn test` and
 * `mvn allure:report` do: the Preflight (which keeps the last report's trend data and writes
 * executor.json), a TestNG run of {@code reportfixture.KnownOutcomes} (3 passed, 2 failed,
 * 1 skipped, 1 passing on its retry) with the kit's retry listener and retries=1, then the real
 * Allure commandline, offline, making a single-file report. The second report must show the right
 * totals, the retried pass as flaky (the failed tests, retried too, not), and a trend of both runs,
 * each labelled with its build from executor.json.
 *
 * <p>The commandline is unpacked into target/allure-commandline by `mvn verify`
 * (pre-integration-test); {@code -Dallure.commandline=/path/to/bin/allure} points elsewhere.
 */
public class AllureReportTest {
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PAGE_WAIT = Duration.ofSeconds(20);
    private static final List<Integer> BUILDS = List.of(41, 42);
    /** What KnownOutcomes yields with retries=1: the retried attempts are hidden in the report. */
    private static final Map<String, Integer> STATUSES = Map.of("passed", 4, "failed", 2, "broken", 0, "skipped", 1, "unknown", 0);
    private static final int TEST_CASES = 7;
    private static final String FLAKY_TEST = "passesOnRetry";

    private Path projectDir;
    private Path scratch;
    private Path results;
    private Path report;
    private Path browserProfile;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeClass
    public void twoRunsEachWithItsReport() throws IOException {
        projectDir = ProjectFiles.projectDir();
        var allure = commandline();
        scratch = ScratchFolders.newFolder("allure-report-");
        results = scratch.resolve("reports/allure-results");
        report = scratch.resolve("reports/allure-report");
        var suite = scratch.resolve("known-outcomes.xml");
        Files.writeString(suite, """
                <!DOCTYPE suite SYSTEM "https://testng.org/testng-1.0.dtd">
                <suite name="known outcomes">
                  <test name="known outcomes">
                    <classes>
                      <class name="dev.stagecheck.selftest.reportfixture.KnownOutcomes"/>
                    </classes>
                  </test>
                </suite>
                """, StandardCharsets.UTF_8);
        for (var build : BUILDS) {
            expectSuccess("preflight of build " + build, child("dev.stagecheck.Preflight", build)
                    .property("browser.install", "never")
                    .run());
            // TestNG exits 1 when tests fail, as two of these do on purpose.
            var run = child("org.testng.TestNG", build)
                    .property("retries", "1")
                    .args("-d", scratch.resolve("testng-" + build).toString(), suite.toString())
                    .run();
            assertTrue(run.stdout().contains("Total tests run: 10, Passes: 4, Failures: 2, Skips: 1, Retries: 3"),
                    "the fixture run of build " + build + " should retry the three failing tests once:" + run.describe());
            generate(allure);
        }
        startBrowser();
    }

    @AfterClass(alwaysRun = true)
    public void cleanUp() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        ProjectFiles.deleteRecursively(browserProfile);
        ProjectFiles.deleteRecursively(scratch);
    }

    @Test(description = "the overview counts each test once, retried or not")
    public void overviewShowsTheTotal() {
        open("");
        var stats = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".summary-widget__stats")));
        wait.until(ExpectedConditions.textMatches(By.cssSelector(".summary-widget__stats"), Pattern.compile("\\d+\\s+test cases")));
        assertEquals(stats.getText().replaceAll("\\s+", " ").trim(), TEST_CASES + " test cases", "overview summary");
    }

    @Test(description = "the status counters show 4 passed (one after a retry), 2 failed, 1 skipped")
    public void statusesAreCountedOnce() {
        open("#suites");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".status-toggle .y-label[data-status]")));
        var shown = new TreeMap<String, Integer>();
        for (var label : driver.findElements(By.cssSelector(".status-toggle .y-label[data-status]"))) {
            shown.put(label.getAttribute("data-status"), Integer.parseInt(label.getText().trim()));
        }
        assertEquals(shown, new TreeMap<>(STATUSES), "status counters of the Suites page");
    }

    @Test(description = "the test that passed on its retry is marked flaky; the failed ones, retried too, are not")
    public void retriedPassIsFlaky() {
        open("#suites");
        expandTree();
        var flaky = driver.findElements(By.cssSelector("a.node__leaf")).stream()
                .filter(leaf -> !leaf.findElements(By.cssSelector("[data-tooltip='Flaky']")).isEmpty())
                .map(leaf -> leaf.findElement(By.cssSelector(".node__name")).getText().trim())
                .toList();
        assertEquals(flaky, List.of(FLAKY_TEST), "tests marked flaky in the Suites tree");
        var leaf = leaf(FLAKY_TEST);
        assertTrue(leaf.findElement(By.cssSelector("[data-tooltip='Passed']")).isDisplayed(), FLAKY_TEST + " should count as passed");
    }

    @Test(description = "the trend chart has one point per run, labelled with the build numbers from executor.json")
    public void trendShowsBothRuns() {
        open("");
        var ticks = By.cssSelector("[data-id='history-trend'] .chart__axis_x .tick text");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(ticks, 1));
        var labels = driver.findElements(ticks).stream().map(WebElement::getText).toList();
        assertEquals(labels, BUILDS.stream().map(build -> "#" + build).toList(), "trend chart's x axis");
        assertEquals(driver.findElements(By.cssSelector("[data-id='history-trend'] g.slice")).size(), BUILDS.size(),
                "one slice (link to its build) per run in the trend chart");
    }

    @Test(description = "the trend data embedded in the report holds both runs, newest first")
    public void reportCarriesTheTrendData() throws IOException {
        var history = AllureHistory.embeddedHistory(Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8));
        var trend = new String(history.getOrDefault("history-trend.json", new byte[0]), StandardCharsets.UTF_8);
        var orders = Pattern.compile("\"buildOrder\"\\s*:\\s*(\\d+)").matcher(trend).results().map(m -> Integer.valueOf(m.group(1))).toList();
        assertEquals(orders, List.of(42, 41), "build numbers in the report's history-trend.json: " + trend);
    }

    @Test(description = "the Executors panel names the build that ran")
    public void executorNamesTheBuild() {
        open("");
        var executors = By.cssSelector("[data-id='executors'] .widget__table");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(executors, "#42"));
        assertTrue(driver.findElement(executors).getText().contains("GitHub Actions nightly #42"),
                "Executors panel: " + driver.findElement(executors).getText());
    }

    // ---- the runs ----

    private JavaProcess child(String mainClass, int build) {
        return JavaProcess.of(mainClass)
                .workDir(projectDir)
                .timeout(CHILD_TIMEOUT)
                .removeEnv(name -> name.startsWith("STAGECHECK_") || name.startsWith("GITHUB_") || name.startsWith("CI_")
                        || List.of("BUILD_NUMBER", "BUILD_URL", "JENKINS_URL", "JOB_NAME").contains(name))
                .env("GITHUB_RUN_NUMBER", Integer.toString(build))
                .env("GITHUB_WORKFLOW", "nightly")
                .env("GITHUB_SERVER_URL", "https://github.example")
                .env("GITHUB_REPOSITORY", "acme/staging-checks")
                .env("GITHUB_RUN_ID", "90" + build)
                .property("basedir", projectDir.toString())
                .property("allure.results.directory", results.toString());
    }

    private static void expectSuccess(String what, JavaProcess.Result result) {
        assertEquals(result.exitCode(), 0, what + " failed:" + result.describe());
    }

    /** The real commandline, as a user runs it: --single-file, offline, with this JVM's Java. */
    private void generate(Path allure) throws IOException {
        var log = scratch.resolve("allure-generate.log");
        var builder = new ProcessBuilder(allure.toString(), "generate", "--clean", "--single-file", "-o", report.toString(), results.toString())
                .directory(scratch.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            var process = builder.start();
            if (!process.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("allure generate did not end within " + CHILD_TIMEOUT.toSeconds() + " s: " + Files.readString(log));
            }
            assertEquals(process.exitValue(), 0, "allure generate failed: " + Files.readString(log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while generating the report", e);
        }
        assertTrue(Files.isRegularFile(report.resolve("index.html")), "allure generate wrote no index.html: " + Files.readString(log));
    }

    private Path commandline() throws IOException {
        var given = System.getProperty("allure.commandline");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        var unpacked = projectDir.resolve("target/allure-commandline");
        if (Files.isDirectory(unpacked)) {
            try (var dirs = Files.list(unpacked)) {
                var found = dirs.map(dir -> dir.resolve("bin/allure")).filter(Files::isExecutable).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new AssertionError("no Allure commandline in " + unpacked + ": run `mvn verify` (it unpacks one there)"
                + " or pass -Dallure.commandline=/path/to/allure/bin/allure");
    }

    // ---- the page ----

    private void startBrowser() throws IOException {
        var setup = BrowserSetup.resolve(Settings.current());
        browserProfile = Files.createTempDirectory("stagecheck-report-browser-");
        var options = new ChromeOptions();
        options.setBinary(setup.browser().binary().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1600,1000", "--user-data-dir=" + browserProfile);
        driver = setup.driver().executable()
                .map(path -> new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(path.toFile()).usingAnyFreePort().build(), options))
                .orElseGet(() -> new ChromeDriver(options));
        wait = new WebDriverWait(driver, PAGE_WAIT);
    }

    /** The single-file report straight from disk, as the README tells users to open it. */
    private void open(String fragment) {
        driver.get(report.resolve("index.html").toUri() + fragment);
        // The page builds itself from its embedded data; the side menu comes last.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".side-nav__menu")));
    }

    /** Opens every group of the Suites tree, level by level (a click on a closed group), until the tests show. */
    private void expandTree() {
        var closed = By.cssSelector(".tree div.node:not(.node__expanded) > .node__title");
        var leaves = By.cssSelector("a.node__leaf");
        wait.until(ExpectedConditions.visibilityOfElementLocated(closed));
        for (var level = 0; level < 10 && driver.findElements(leaves).stream().noneMatch(WebElement::isDisplayed); level++) {
            var shown = driver.findElements(closed).stream().filter(WebElement::isDisplayed).toList();
            shown.forEach(WebElement::click);
            wait.until(ExpectedConditions.or(
                    ExpectedConditions.visibilityOfElementLocated(leaves),
                    ExpectedConditions.visibilityOfElementLocated(closed)));
        }
        wait.until(driver -> leaf(FLAKY_TEST).isDisplayed());
    }

    private WebElement leaf(String name) {
        return driver.findElements(By.cssSelector("a.node__leaf")).stream()
                .filter(leaf -> leaf.findElement(By.cssSelector(".node__name")).getText().trim().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no test " + name + " in the Suites tree"));
    }
}
