package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.TargetSite;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotSame;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertTrue;

/**
 * The browser reuse the checklist relies on: one browser per thread, reused, with nothing of a
 * previous test left behind after the reset, and replaced when it has died.
 */
public class BrowserLifecycleTest {

    @AfterClass(alwaysRun = true)
    public void quitBrowsers() {
        BrowserSessions.quitAll();
    }

    @Test(description = "the reset between tests removes cookies, local and session storage and the recorded traffic")
    public void resetLeavesNothingOfThePreviousTest() {
        var session = BrowserSessions.current();
        var driver = session.driver();
        driver.get(TargetSite.resolve("/"));
        driver.manage().addCookie(new Cookie("left_over", "1"));
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('k', 'v'); sessionStorage.setItem('k', 'v');");
        assertTrue(session.traffic().size() > 0, "visiting the home page should have been recorded");

        session.resetForNextTest();

        assertSame(BrowserSessions.current(), session, "the same thread should keep its browser");
        assertEquals(session.traffic().size(), 0, "the traffic of the previous test should be gone");
        driver.get(TargetSite.resolve("/"));
        assertEquals(driver.manage().getCookies().size(), 0, "no cookie should survive the reset: " + driver.manage().getCookies());
        var storage = ((JavascriptExecutor) driver).executeScript("return [localStorage.length, sessionStorage.length];");
        assertEquals(storage.toString(), "[0, 0]", "local and session storage should be empty after the reset");
    }

    @Test(description = "what the previous test's page still runs (unload handlers, timers, animation frames) cannot write into the next test")
    public void thePreviousPageCannotWriteIntoTheNextTest() {
        var session = BrowserSessions.current();
        var driver = session.driver();
        driver.get(TargetSite.resolve("/"));
        // A page that writes state as it goes and as it is left, as analytics and "remember me" scripts do.
        ((JavascriptExecutor) driver).executeScript("""
                const write = name => () => { document.cookie = name + '=1; path=/'; localStorage.setItem(name, '1'); };
                addEventListener('pagehide', write('pagehide'));
                addEventListener('unload', write('unload'));
                addEventListener('beforeunload', write('beforeunload'));
                document.addEventListener('visibilitychange', write('visibilitychange'));
                setInterval(write('interval'), 2);
                const frame = () => { write('frame')(); requestAnimationFrame(frame); };
                requestAnimationFrame(frame);
                """);

        session.resetForNextTest();
        driver.get(TargetSite.resolve("/")); // the next test's first page: the old one is left only now

        assertEquals(driver.manage().getCookies().toString(), "[]", "the previous page wrote cookies after the reset");
        var storage = ((JavascriptExecutor) driver).executeScript("return Object.keys(localStorage).join(',');");
        assertEquals(storage, "", "the previous page wrote local storage after the reset");
    }

    @Test(description = "a browser that died is replaced by a fresh one for the next test")
    public void aDeadBrowserIsReplaced() {
        var dead = BrowserSessions.current();
        dead.driver().quit();
        var fresh = BrowserSessions.current();
        assertNotSame(fresh, dead, "a dead browser should be replaced");
        assertTrue(fresh.isAlive(), "the replacement should answer");
        fresh.driver().get(TargetSite.resolve("/"));
        assertTrue(fresh.traffic().size() > 0, "the replacement should record traffic too");
    }
}
