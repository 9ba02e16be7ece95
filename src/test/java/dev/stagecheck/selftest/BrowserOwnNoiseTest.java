package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.traffic.ConsoleEntry;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.url.BrowserOwnUrl;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.FluentWait;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

import java.time.Duration;
import java.util.Map;

import static org.testng.Assert.assertTrue;

/**
 * What the browser does for itself is not the site's: the PDF viewer's requests and the errors of
 * script worlds the site does not run in (the browser's own pages, isolated worlds). Charged to the
 * page shown around them, they became a false console error and extra resources on the next page.
 */
public class BrowserOwnNoiseTest {
    private static final String DATASHEET = "/downloads/widget-datasheet.pdf";

    @AfterClass(alwaysRun = true)
    public void quitBrowsers() {
        BrowserSessions.quitAll();
    }

    @Test(description = "a PDF shown in the tab: the viewer's own requests are no resource of the site's")
    public void thePdfViewersRequestsAreNotTheSites() {
        var session = session();
        session.navigateTo(TargetSite.resolve(DATASHEET));
        var traffic = session.traffic();
        var exchanges = traffic.exchanges();
        assertTrue(exchanges.stream().anyMatch(exchange -> exchange.url().endsWith(DATASHEET)), "the PDF itself is recorded: " + exchanges);
        assertTrue(exchanges.stream().map(Exchange::url).noneMatch(BrowserOwnUrl::is), "no request of the browser's own is recorded: " + exchanges);
    }

    @Test(description = "an error in an isolated script world is not the page's; the page's own error is")
    public void errorsOutsideThePagesWorldAreNotThePages() {
        var session = session();
        session.navigateTo(TargetSite.resolve("/"));
        var cdp = (HasCdp) session.driver();
        var tree = (Map<?, ?>) cdp.executeCdpCommand("Page.getFrameTree", Map.of()).get("frameTree");
        var frameId = String.valueOf(((Map<?, ?>) tree.get("frame")).get("id"));
        var world = cdp.executeCdpCommand("Page.createIsolatedWorld", Map.of("frameId", frameId, "worldName", "stagecheck-selftest"));
        cdp.executeCdpCommand("Runtime.evaluate", Map.of("contextId", world.get("executionContextId"),
                "expression", "setTimeout(() => { throw new Error('thrown in an isolated world'); }, 0); 1"));
        session.read("setTimeout(() => { throw new Error('thrown by the page'); }, 50); return 1;");

        var traffic = session.traffic();
        new FluentWait<>(traffic).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(50))
                .withMessage("the page's own error reaches the console record")
                .until(recorded -> recorded.console().stream().anyMatch(entry -> entry.text().contains("thrown by the page")));
        var console = traffic.console().stream().map(ConsoleEntry::text).toList();
        assertTrue(console.stream().noneMatch(text -> text.contains("isolated world")), "the isolated world's error is not the page's: " + console);
    }

    private static dev.stagecheck.browser.BrowserSession session() {
        TargetSite.baseUrl();
        DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
        var session = BrowserSessions.current();
        if (!(session.driver() instanceof HasCdp) || !session.hasDevTools()) {
            throw new SkipException("needs a Chromium-family browser: " + session.description() + " has no DevTools");
        }
        session.resetForNextTest();
        return session;
    }
}
