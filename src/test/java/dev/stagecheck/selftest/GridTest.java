package dev.stagecheck.selftest;

import dev.stagecheck.config.BrowserKind;
import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.Settings;

import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.grid.GridWatch;
import dev.stagecheck.grid.LocalGrid;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.HasDevTools;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.remote.Augmenter;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;
import org.testng.xml.internal.Parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The kit on a real Selenium Grid 4: starts a local one (hub, Chromium node, WebKit relay where
 * WebKitWebDriver and a display are there), proves plain RemoteWebDriver sessions work on it, then
 * runs suites/cross-browser.xml through it in a child JVM with -Dgrid.url, as a user would, and
 * checks the outcome per browser from the run's testng-results.xml. The Grid's own /status is the
 * witness that the sessions ran there, not on this machine's local drivers.
 */
public class GridTest {
    private static final String CROSS_BROWSER_SUITE = "suites/cross-browser.xml";
    /** Browsers no node of the local Grid offers: each must be skipped, naming the Grid. */
    private static final Set<String> NO_NODE_HERE = Set.of("firefox", "edge", "safari");

    private LocalGrid grid;
    private DemoSite demo;
    private Path output;

    @BeforeClass
    public void startGrid() throws IOException {
        // Where the kit may install browsers (root, apt-get), WebKit is installed first, as a run would.
        BrowserSession.unavailable(Settings.current().withBrowser(BrowserKind.WEBKIT));
        grid = LocalGrid.start();
        demo = DemoSite.start();
        output = ScratchFolders.newFolder("grid-");
        System.out.println("stagecheck self-test: local Selenium Grid at " + grid.url() + ", logs in " + grid.logDir()
                + grid.webkitAbsent().map(reason -> "; no WebKit node: " + reason).orElse("; WebKit relay up"));
    }

    @AfterClass(alwaysRun = true)
    public void stopGrid() throws IOException {
        if (grid != null) {
            grid.close();
        }
        if (demo != null) {
            demo.close();
        }
        ProjectFiles.deleteRecursively(output);
    }

    @Test(description = "two plain RemoteWebDriver Chromium sessions run at once on the Grid's node, with DevTools network events through the hub")
    public void twoChromiumSessionsRunInParallelOnTheGrid() throws Exception {
        var bothOpen = new CountDownLatch(2);
        var mayQuit = new CountDownLatch(1);
        var statuses = new CopyOnWriteArrayList<Integer>();
        var titles = new CopyOnWriteArrayList<String>();
        var pool = Executors.newFixedThreadPool(2);
        try {
            var sessions = new ArrayList<Future<?>>();
            for (int i = 0; i < 2; i++) {
                sessions.add(pool.submit(() -> {
                    var remote = remote(chromium());
                    try {
                        // CDP through the Grid, as the kit's network witness uses it.
                        WebDriver driver = new Augmenter().augment(remote);
                        var devTools = ((HasDevTools) driver).getDevTools();
                        devTools.createSession();
                        devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
                        devTools.addListener(Network.responseReceived(), event -> statuses.add(event.getResponse().getStatus()));
                        driver.get(demo.baseUrl() + "/");
                        titles.add(driver.getTitle());
                        bothOpen.countDown();
                        mayQuit.await(60, TimeUnit.SECONDS);
                    } finally {
                        remote.quit();
                    }
                    return null;
                }));
            }
            var together = bothOpen.await(120, TimeUnit.SECONDS);
            var busy = together ? grid.status().busySlots(LocalGrid.CHROME) : -1;
            mayQuit.countDown();
            for (var session : sessions) {
                session.get(60, TimeUnit.SECONDS);
            }
            assertTrue(together, "two Chromium sessions should have been open at the same time (logs in " + grid.logDir() + ")");
            assertEquals(busy, 2, "the hub's /status should show both sessions on the Chromium node at once");
            assertEquals(titles.size(), 2);
            titles.forEach(title -> assertFalse(title.isBlank(), "the demo start page should have a title"));
            assertTrue(statuses.contains(200), "DevTools Network.responseReceived through the Grid should have seen the 200 of the start page, saw " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(busySlotsOnceSettled(), 0, "every session should be gone from the Grid after quit()");
    }

    /** The hub frees a slot when the node's event arrives, a moment after quit() returns. */
    private int busySlotsOnceSettled() throws InterruptedException {
        var end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        var busy = grid.status().busySlots();
        while (busy > 0 && System.nanoTime() < end) {
            Thread.sleep(100);
            busy = grid.status().busySlots();
        }
        return busy;
    }

    @Test(description = "a plain RemoteWebDriver MiniBrowser session runs through the Grid's WebKit relay node")
    public void miniBrowserRunsThroughTheRelay() {
        grid.webkitAbsent().ifPresent(reason -> {
            throw new SkipException("no WebKit node on the local Grid: " + reason);
        });
        var caps = new MutableCapabilities();
        caps.setCapability("browserName", LocalGrid.MINIBROWSER);
        caps.setCapability("webkitgtk:browserOptions", Map.of("binary", LocalGrid.MINIBROWSER_BINARY.toString(), "args", List.of("--automation")));
        var driver = remote(caps);
        try {
            driver.get(demo.baseUrl() + "/");
            assertFalse(driver.getTitle().isBlank(), "the demo start page should have a title in MiniBrowser");
            assertEquals(grid.status().busySlots(LocalGrid.MINIBROWSER), 1, "the hub should show the session on the WebKit relay");
        } finally {
            driver.quit();
        }
    }

    @Test(dependsOnMethods = "twoChromiumSessionsRunInParallelOnTheGrid",
            description = "suites/cross-browser.xml with -Dgrid.url: Chromium passes on the Grid, WebKit passes or says why not, absent browsers are skipped naming the Grid")
    public void crossBrowserSuiteRunsThroughTheGrid() throws IOException {
        var suite = ProjectFiles.projectDir().resolve(CROSS_BROWSER_SUITE);
        assertTrue(Files.isRegularFile(suite), CROSS_BROWSER_SUITE + " is missing: the Grid run has nothing to run");
        var browsers = browsersByTest(suite);
        JavaProcess.Result run;
        GridWatch.Peak peak;
        try (var watch = GridWatch.start(grid)) {
            run = JavaProcess.of("org.testng.TestNG")
                    .jvmArg("-javaagent:" + JavaProcess.aspectjWeaver())
                    .removeEnv(name -> name.startsWith("STAGECHECK_"))
                    .property("grid.url", grid.url().toString())
                    .property("allure.results.directory", output.resolve("allure-results").toString())
                    .property("reports.dir", output.toString())
                    .property("sun.net.httpserver.nodelay", "true")
                    .workDir(ProjectFiles.projectDir())
                    .timeout(Duration.ofMinutes(10))
                    .args("-d", output.resolve("testng").toString(), CROSS_BROWSER_SUITE)
                    .run();
            peak = watch.peak();
        }
        var resultsFile = output.resolve("testng/testng-results.xml");
        assertTrue(Files.isRegularFile(resultsFile), "the child run wrote no testng-results.xml:" + run.describe());
        var results = TestNgResults.read(resultsFile);
        var summary = summary(browsers, results, peak);
        System.out.println(summary);
        keep(summary, run, resultsFile);

        var problems = new ArrayList<String>();
        browsers.forEach((test, browser) -> problems.addAll(check(test, browser, results)));
        // Blocks without a browser (the server log check) run once for all: they must not fail either.
        results.byTest().keySet().stream().filter(test -> !browsers.containsKey(test)).forEach(test ->
                results.tests(test).stream().filter(m -> m.is("FAIL"))
                        .forEach(m -> problems.add(test + ": " + m.name() + " failed: " + firstLines(m.message()))));
        var chromiumTests = browsers.entrySet().stream().filter(e -> isChromium(e.getValue())).map(Map.Entry::getKey).toList();
        if (chromiumTests.isEmpty()) {
            problems.add(CROSS_BROWSER_SUITE + " has no <test> block with browser chromium or chrome");
        }
        if (peak.of(LocalGrid.CHROME) == 0) {
            problems.add("the hub never showed a Chromium session: the checklist did not run on the Grid");
        }
        var webkitRan = browsers.entrySet().stream().anyMatch(e -> e.getValue().equals("webkit")
                && results.tests(e.getKey()).stream().anyMatch(m -> m.is("PASS")));
        if (webkitRan && peak.of(LocalGrid.MINIBROWSER) == 0) {
            problems.add("WebKit tests passed but the hub never showed a MiniBrowser session: they did not run on the Grid");
        }
        if (webkitRan && peak.sessions() < 2) {
            problems.add("Chromium and WebKit blocks should have run in parallel (thread-count 2), but the hub never showed 2 sessions at once");
        }
        assertTrue(problems.isEmpty(), "the cross-browser run on the Grid went wrong:\n  " + String.join("\n  ", problems)
                + "\n" + summary + run.describe());
    }

    /** What each browser's block must show. */
    private List<String> check(String test, String browser, TestNgResults results) {
        var problems = new ArrayList<String>();
        var methods = results.tests(test);
        if (methods.isEmpty()) {
            problems.add(test + " (" + browser + "): no test ran");
            return problems;
        }
        var failed = methods.stream().filter(m -> m.is("FAIL")).map(m -> m.name() + ": " + firstLines(m.message())).toList();
        if (!failed.isEmpty()) {
            problems.add(test + " (" + browser + "): failed " + failed);
        }
        if (isChromium(browser)) {
            var notPassed = methods.stream().filter(m -> !m.is("PASS")).map(m -> m.name() + " " + m.status()).toList();
            if (!notPassed.isEmpty()) {
                problems.add(test + " (" + browser + "): every test should pass on the Grid's Chromium node, but " + notPassed);
            }
        } else if (browser.equals("webkit")) {
            if (methods.stream().anyMatch(m -> m.is("SKIP")) && results.skipMessages(test).isEmpty()) {
                problems.add(test + " (webkit): skipped without saying why");
            }
        } else if (NO_NODE_HERE.contains(browser)) {
            if (methods.stream().anyMatch(m -> !m.is("SKIP"))) {
                problems.add(test + " (" + browser + "): the local Grid has no node for it, so every test should be skipped");
            }
            var namesGrid = results.skipMessages(test).stream()
                    .anyMatch(message -> message.contains("Selenium Grid") && message.toLowerCase(Locale.ROOT).contains(browser));
            if (!namesGrid) {
                problems.add(test + " (" + browser + "): the skip reason should name the Selenium Grid and " + browser
                        + ", got " + results.skipMessages(test));
            }
        }
        return problems;
    }

    /** The suite's {@code <test>} names and their browser parameter, in suite order. */
    private static Map<String, String> browsersByTest(Path suite) throws IOException {
        var browsers = new LinkedHashMap<String, String>();
        for (var xmlSuite : new Parser(suite.toString()).parseToList()) {
            for (var test : xmlSuite.getTests()) {
                var browser = test.getParameter("browser");
                if (browser != null) {
                    browsers.put(test.getName(), browser.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return browsers;
    }

    /** Enough of a failure message to act on: its first five lines. */
    private static String firstLines(String message) {
        return message.lines().limit(5).reduce((a, b) -> a + " / " + b).orElse("");
    }

    private static boolean isChromium(String browser) {
        return browser.equals("chromium") || browser.equals("chrome");
    }

    private String summary(Map<String, String> browsers, TestNgResults results, GridWatch.Peak peak) {
        var text = new StringBuilder("\nCross-browser run on the local Selenium Grid " + grid.url() + "\n");
        browsers.forEach((test, browser) -> {
            var methods = results.tests(test);
            text.append(String.format("  %-22s %-9s passed %2d, failed %2d, skipped %2d%s%n", test, browser,
                    methods.stream().filter(m -> m.is("PASS")).count(), methods.stream().filter(m -> m.is("FAIL")).count(),
                    methods.stream().filter(m -> m.is("SKIP")).count(),
                    results.skipMessages(test).stream().findFirst().map(reason -> " (" + reason.lines().findFirst().orElse("") + ")").orElse("")));
        });
        text.append("  the hub's /status showed at most ").append(peak.sessions()).append(" session(s) at once: ")
                .append(peak.perBrowser()).append('\n');
        grid.webkitAbsent().ifPresent(reason -> text.append("  no WebKit node: ").append(reason).append('\n'));
        return text.toString();
    }

    /** The summary, the child's console and its results go next to the Grid logs, for a failure to be read later. */
    private void keep(String summary, JavaProcess.Result run, Path resultsFile) throws IOException {
        Files.writeString(grid.logDir().resolve("cross-browser-run.log"), summary + run.describe(), StandardCharsets.UTF_8);
        Files.copy(resultsFile, grid.logDir().resolve("cross-browser-testng-results.xml"), StandardCopyOption.REPLACE_EXISTING);
    }

    private RemoteWebDriver remote(Capabilities capabilities) {
        return (RemoteWebDriver) RemoteWebDriver.builder().address(grid.url()).oneOf(capabilities).build();
    }

    private static ChromeOptions chromium() {
        // As root Chromium needs --no-sandbox; the node adds the binary from its stereotype.
        return new ChromeOptions().addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--window-size=1280,800");
    }

}
