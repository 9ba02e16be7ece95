package dev.stagecheck.selftest;

import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.url.SafeUrl;
import dev.stagecheck.traffic.Traffic;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.stagecheck.selftest.Exchanges.failed;
import static dev.stagecheck.selftest.Exchanges.page;
import static dev.stagecheck.selftest.Exchanges.resource;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** {@link Traffic}, {@link Exchange} and {@link SafeUrl}: what the checks read from the browser's responses. */
public class TrafficTest {

    private ScheduledExecutorService scheduler;

    @BeforeClass
    public void startScheduler() {
        var executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            var thread = new Thread(runnable, "traffic-test-recorder");
            thread.setDaemon(true);
            return thread;
        });
        scheduler = executor;
    }

    @AfterClass(alwaysRun = true)
    public void stopScheduler() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    // ---- declarations (the verdict on them: ResponseRuleTest) ----

    @Test
    public void clearForgetsExchangesAndDeclarations() {
        var traffic = new Traffic();
        traffic.expectUnauthorized("http://admin:pw@h/admin/");
        traffic.record(page("http://h/admin/", 401));
        assertEquals(traffic.expectedUnauthorized(), java.util.Set.of("http://h/admin/"), "declared URLs are kept without user:pass@");
        traffic.clear();
        assertEquals(traffic.size(), 0, "clear() should drop every exchange");
        assertEquals(traffic.expectedUnauthorized(), java.util.Set.of(), "clear() should drop this test's declarations");
    }

    // ---- waiting for the page ----

    @Test
    public void awaitPageSinceReturnsTheNewestTopLevelNonRedirectDocumentAfterTheIndex() {
        var traffic = new Traffic();
        traffic.record(page("http://h/before", 200));
        var from = traffic.size();
        traffic.record(page("http://h/first", 200));
        traffic.record(page("http://h/login", 303));
        traffic.record(page("http://h/landing", 200));
        traffic.record(resource("http://h/logo.png", 200, "Image"));
        traffic.record(new Exchange("GET", "http://ads/frame", 200, "Document", false, "http://h/landing", List.of(), Optional.empty()));
        traffic.record(page("http://h/next", 302));

        var found = traffic.awaitPageSince(from, Duration.ofMillis(50));
        assertEquals(found.map(Exchange::url), Optional.of("http://h/landing"),
                "the newest top-level document that is not a redirect (not an image, an iframe or a later 302)");
    }

    @Test
    public void awaitPageSinceIgnoresPagesBeforeTheIndex() {
        var traffic = new Traffic();
        traffic.record(page("http://h/old", 200));
        var from = traffic.size();
        traffic.record(page("http://h/redirecting", 301));

        var started = System.nanoTime();
        var found = traffic.awaitPageSince(from, Duration.ofMillis(50));
        var waited = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(found, Optional.empty(), "a page recorded before the index (and a redirect after it) should not count");
        assertTrue(waited.compareTo(Duration.ofMillis(50)) >= 0, "it should wait the full 50 ms timeout first, waited " + waited);
    }

    @Test
    public void awaitPageSinceTreatsAFailedNavigationAsThePage() {
        var traffic = new Traffic();
        traffic.record(failed("http://h/down"));
        var found = traffic.awaitPageSince(0, Duration.ofMillis(50));
        assertEquals(found.map(Exchange::statusText), Optional.of("net::ERR_CONNECTION_REFUSED"),
                "a top-level document without a response is where the navigation ended");
    }

    @Test
    public void awaitPageSinceWakesUpWhenThePageArrives() throws Exception {
        var traffic = new Traffic();
        var from = traffic.size();
        var caller = Thread.currentThread();
        var callerStateWhenRecorded = new AtomicReference<Thread.State>();
        var recorded = scheduler.schedule(() -> {
            // The caller holds the traffic's monitor except while it waits, so record() can only get in
            // before the caller started waiting or while it waits; give it up to a second to be waiting.
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (caller.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            callerStateWhenRecorded.set(caller.getState());
            traffic.record(page("http://h/arrived", 200));
        }, 20, TimeUnit.MILLISECONDS);

        var timeout = Duration.ofSeconds(2);
        var started = System.nanoTime();
        var found = traffic.awaitPageSince(from, timeout);
        var waited = Duration.ofNanos(System.nanoTime() - started);
        recorded.get(1, TimeUnit.SECONDS);

        assertEquals(found.map(Exchange::url), Optional.of("http://h/arrived"), "the page recorded by the other thread");
        assertEquals(callerStateWhenRecorded.get(), Thread.State.TIMED_WAITING, "the caller should have been waiting when the page came");
        assertTrue(waited.compareTo(timeout.dividedBy(2)) < 0,
                "record() should wake the waiting caller at once, not after the " + timeout + " timeout; waited " + waited);
    }

    @Test
    public void awaitPageSinceReturnsEmptyAfterTheTimeoutWhenNothingArrives() {
        var traffic = new Traffic();
        var started = System.nanoTime();
        var found = traffic.awaitPageSince(0, Duration.ofMillis(50));
        var waited = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(found, Optional.empty(), "no page recorded: empty");
        assertTrue(waited.compareTo(Duration.ofMillis(50)) >= 0, "it should wait the 50 ms timeout, waited " + waited);
        assertTrue(waited.compareTo(Duration.ofSeconds(2)) < 0, "it should not wait much longer than the timeout, waited " + waited);
    }

    @Test
    public void sinceReturnsTheExchangesFromTheIndexOn() {
        var traffic = new Traffic();
        traffic.record(page("http://h/a", 200));
        traffic.record(page("http://h/b", 200));
        assertEquals(urls(traffic.since(1)), List.of("http://h/b"), "since(1) should skip the first exchange");
        assertEquals(traffic.since(5), List.of(), "an index past the end should give nothing, not fail");
    }

    // ---- safe URLs and the table ----

    @Test
    public void safeUrlDropsUserInfoAndMasksSecretQueryParameters() {
        var safe = SafeUrl.of("https://u:p@h/x?token=abc&q=1&api_key=zzz");
        assertFalse(safe.contains("u:p@"), "user:password@ should be removed: " + safe);
        assertFalse(safe.contains("abc"), "the token value should be masked: " + safe);
        assertFalse(safe.contains("zzz"), "the api_key value should be masked: " + safe);
        assertTrue(safe.contains("q=1"), "harmless parameters should be kept: " + safe);
        assertEquals(safe, "https://h/x?token=***&q=1&api_key=***", "the whole safe URL");
        assertEquals(SafeUrl.of(null), "", "null should become the empty string");
        assertEquals(SafeUrl.of("http://h/products/?page=2#top"), "http://h/products/?page=2#top", "a URL without secrets stays as it is");
        assertEquals(SafeUrl.of("http://h/x?Password=hunter2&SessionId=9#frag"), "http://h/x?Password=***&SessionId=***#frag",
                "parameter names should match case-insensitively and the fragment should stay");
    }

    @Test
    public void tableListsEveryUrlAndStatusWithoutSecrets() {
        var traffic = new Traffic();
        traffic.method("CDP Network events");
        traffic.record(page("https://u:p@h/x?token=abc&q=1&api_key=zzz", 200));
        traffic.record(new Exchange("GET", "https://h/admin/", 401, "Document", true, "https://u:p@h/x?session=sss",
                List.of("Basic realm=\"Admin Area\""), Optional.empty()));
        traffic.record(resource("https://h/api/orders", 503, "XHR"));
        traffic.record(failed("https://h/down"));

        var table = traffic.table();
        assertTrue(table.contains("CDP Network events"), "the table should say how statuses were learned:\n" + table);
        for (var expected : List.of("https://h/x?token=***&q=1&api_key=***", "https://h/admin/", "https://h/api/orders", "https://h/down",
                "200", "401", "503", "net::ERR_CONNECTION_REFUSED", "WWW-Authenticate: Basic realm=\"Admin Area\"", "4 responses")) {
            assertTrue(table.contains(expected), "the table should contain " + expected + ":\n" + table);
        }
        for (var secret : List.of("u:p@", "abc", "zzz", "sss")) {
            assertFalse(table.contains(secret), "the table must not contain " + secret + ":\n" + table);
        }
        assertTrue(table.contains("q=1"), "harmless query parameters should stay in the table:\n" + table);
    }

    @Test
    public void describeNamesStatusMethodUrlTypeAndReferrer() {
        var exchange = new Exchange("GET", "http://h/admin/", 401, "Document", true, "http://h/",
                List.of("Basic realm=\"Admin Area\""), Optional.empty());
        assertEquals(exchange.describe(), "401 GET http://h/admin/ (Document) from http://h/ challenge: Basic realm=\"Admin Area\"",
                "describe() should give the failure-message shape");
        assertEquals(page("http://h/", 200).describe(), "200 GET http://h/ (Document) from (typed URL)",
                "an exchange without a referrer should say (typed URL)");
        assertEquals(failed("http://h/down").statusText(), "net::ERR_CONNECTION_REFUSED", "status 0 should show the error");
        assertEquals(new Exchange("GET", "http://h/", 0, "Document", true, "", List.of(), Optional.empty()).statusText(),
                "no response", "status 0 without an error should say no response");
    }

    // ---- helpers ----

    private static List<String> urls(List<Exchange> exchanges) {
        return exchanges.stream().map(Exchange::url).toList();
    }
}
