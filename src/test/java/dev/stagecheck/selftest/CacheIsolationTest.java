package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.BrowserKind;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.pages.SitePage;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * The leak of issue 12: the challenge test opens the protected {@code /admin/} with credentials, and
 * the demo answers its 200 as many real servers do ({@code Cache-Control: private, max-age=600}). The
 * next test on the same reused browser is a visitor: its visit must reach the server (the demo's
 * access log shows it) and see the 401, never the admin page out of the browser's cache.
 */
public class CacheIsolationTest {

    @AfterClass(alwaysRun = true)
    public void quitBrowsers() {
        BrowserSessions.quitAll();
    }

    @Test(description = "Chromium: a page opened with credentials is asked for again, and refused, in the next visitor test")
    public void chromiumServesNoCredentialedPageToTheNextVisitor() {
        nextVisitorIsAskedAgain(Settings.current());
    }

    @Test(description = "WebKit: a page opened with credentials is asked for again, and refused, in the next visitor test")
    public void webKitServesNoCredentialedPageToTheNextVisitor() {
        var settings = Settings.current().withBrowser(BrowserKind.WEBKIT);
        var reason = BrowserSession.unavailable(settings);
        if (reason.isPresent()) {
            throw new SkipException("WebKit cannot run here: " + reason.get());
        }
        nextVisitorIsAskedAgain(settings);
    }

    private static void nextVisitorIsAskedAgain(Settings settings) {
        TargetSite.baseUrl();
        var demo = DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
        var target = settings.profile().protectedUrls().get(0);
        var address = TargetSite.resolve(target.url());
        var session = BrowserSessions.current(settings);
        session.resetForNextTest();

        // The challenge test's way in: an Authorization header where DevTools can add one, else user:password in the URL.
        var page = new SitePage(session, settings.profile().navigation());
        var admitted = new int[1];
        if (session.canSendHeaders()) {
            var basic = "Basic " + Base64.getEncoder().encodeToString((target.username().orElseThrow().value() + ":"
                    + target.password().orElseThrow().value()).getBytes(StandardCharsets.UTF_8));
            session.withExtraHeaders(Map.of("Authorization", basic), () -> admitted[0] = page.open(address).status());
        } else {
            admitted[0] = page.openWithBasicCredentials(address, target.username().orElseThrow(), target.password().orElseThrow()).status();
        }
        assertEquals(admitted[0], 200, "the admin credentials should open " + address);

        session.resetForNextTest();
        int before = demo.serverLog().size();
        // The visitor crawl's way: a plain navigation to the URL, its response as the witness recorded it.
        var seen = session.navigate(Optional.of(address), () -> session.open(address));

        var asked = demo.serverLog().subList(before, demo.serverLog().size()).stream()
                .filter(line -> line.contains("\"GET " + target.url() + " ")).toList();
        assertTrue(asked.stream().anyMatch(line -> line.contains("\" 401 ")),
                settings.browser().key() + ": the visitor test after the challenge test must ask the server for " + address
                        + " and get its 401, but the server saw " + (asked.isEmpty() ? "no request for it (served from the browser's cache"
                        + " under the admin's credentials)" : asked));
        assertEquals(seen.map(exchange -> exchange.status()).orElse(-1), 401,
                settings.browser().key() + ": the visitor's visit to " + address + " must record the 401, recorded: " + seen);
    }
}
