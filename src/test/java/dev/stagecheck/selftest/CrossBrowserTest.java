package dev.stagecheck.selftest;

import dev.stagecheck.config.BrowserKind;
import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.demo.Fault;
import dev.stagecheck.report.RunSettings;
import org.testng.ITestResult;
import org.testng.SkipException;
import org.testng.annotations.Test;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;
import org.testng.xml.internal.Parser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * suites/cross-browser.xml as a user runs it: the checklist passes in Chromium and in WebKit (which
 * reports no network events, so statuses come from probes), and Firefox, Edge and Safari, which this
 * machine cannot run, are skipped with a reason that says what to install. And WebKit is no blind
 * spot: with the demo broken on purpose, the WebKit run fails naming the broken URLs.
 */
public class CrossBrowserTest {

    /** One test result: the browser of its test block, its status, and its message. */
    record Result(String browser, String test, int status, String message) {}

    @Test(description = "the cross-browser suite passes in Chromium and WebKit and skips Firefox, Edge and Safari with their reasons")
    public void crossBrowserSuiteRunsChromiumAndWebKitAndSkipsTheRest() throws IOException {
        requireWebKit();
        var results = run(new Parser(ProjectFiles.projectDir().resolve("suites/cross-browser.xml").toString()).parseToList(), "cross-browser");
        var byBrowser = new TreeMap<String, List<Result>>();
        results.forEach(result -> byBrowser.computeIfAbsent(result.browser(), b -> new ArrayList<>()).add(result));
        for (var browser : List.of("chromium", "webkit")) {
            var ran = byBrowser.getOrDefault(browser, List.of());
            assertTrue(ran.size() >= 10, browser + " should run the whole checklist, ran " + ran.size() + " tests");
            var notPassed = ran.stream().filter(r -> r.status() != ITestResult.SUCCESS).toList();
            assertTrue(notPassed.isEmpty(), browser + " should pass the checklist on the clean demo site, but: " + notPassed);
        }
        for (var skipped : Map.of("firefox", "geckodriver", "edge", "msedgedriver", "safari", "safaridriver").entrySet()) {
            var ran = byBrowser.getOrDefault(skipped.getKey(), List.of());
            assertTrue(!ran.isEmpty(), skipped.getKey() + " should be reported (as skipped), not left out");
            for (var result : ran) {
                assertEquals(result.status(), ITestResult.SKIP, skipped.getKey() + " " + result.test() + " cannot run here and must be skipped");
                assertTrue(result.message().contains(skipped.getValue() + " not found") && result.message().contains("grid.url"),
                        skipped.getKey() + " must be skipped with what to install or the Grid route, not '" + result.message() + "'");
            }
        }
    }

    @Test(description = "in WebKit, a public page answering 401 fails navigation, naming the page")
    public void webKitCatchesA401Page() throws IOException {
        var failure = webKitNavigationWith(Fault.PUBLIC_401);
        assertTrue(failure.contains("Unexpected 401") && failure.contains("/company/press"),
                "the failure must name the 401 page /company/press: " + failure);
    }

    @Test(description = "in WebKit, an image answering 401 with a challenge fails navigation, naming the image (and WebKit is not wedged by it)")
    public void webKitCatchesA401Image() throws IOException {
        var failure = webKitNavigationWith(Fault.ASSET_401);
        assertTrue(failure.contains("Unexpected 401") && failure.contains("/assets/img/products.svg"),
                "the failure must name the 401 image /assets/img/products.svg: " + failure);
    }

    /** NavigationTest in WebKit against the demo with one fault on; returns its failure message. */
    private static String webKitNavigationWith(Fault fault) throws IOException {
        requireWebKit();
        var demo = DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
        var suite = new XmlSuite();
        suite.setName("webkit " + fault.key());
        suite.setListeners(new ArrayList<>(List.of("dev.stagecheck.report.ChecklistListener")));
        var test = new XmlTest(suite);
        test.setName("webkit");
        test.addParameter(RunSettings.BROWSER, "webkit");
        test.setXmlClasses(List.of(new XmlClass("dev.stagecheck.checklist.NavigationTest")));
        demo.faults(Set.of(fault));
        List<Result> results;
        try {
            results = run(List.of(suite), "webkit-" + fault.key());
        } finally {
            demo.faults(Set.of());
        }
        assertEquals(results.size(), 1, "one navigation test: " + results);
        var result = results.get(0);
        assertEquals(result.status(), ITestResult.FAILURE, "WebKit navigation must fail with " + fault.key() + " on: " + result);
        return result.message();
    }

    private static void requireWebKit() {
        TargetSite.baseUrl();
        var reason = BrowserSession.unavailable(Settings.current().withBrowser(BrowserKind.WEBKIT));
        if (reason.isPresent()) {
            throw new SkipException("WebKit cannot run here: " + reason.get());
        }
    }

    /** Runs the suites in this JVM and returns every test's last result with its block's browser. */
    private static List<Result> run(List<XmlSuite> suites, String name) {
        return InProcessRun.of(suites, ProjectFiles.projectDir().resolve("target/selftest-cross-browser"), name).stream()
                .map(result -> {
                    var browser = result.getTestContext().getCurrentXmlTest().getParameter(RunSettings.BROWSER);
                    return new Result(browser == null ? "" : browser, result.getName(), result.getStatus(), InProcessRun.message(result));
                })
                .toList();
    }
}
