package dev.stagecheck.crawl;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.browser.BrowserSessions;
import org.openqa.selenium.Cookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The helper browsers of a crawl shared by several browsers. Each helper thread keeps its browser
 * between crawls (BrowserSessions holds one per thread), so a second crawl pays no browser start.
 */
final class CrawlWorkers {
    private static final Logger log = LoggerFactory.getLogger(CrawlWorkers.class);
    private static final Map<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private CrawlWorkers() {
    }

    /** A pool of exactly {@code size} threads, the same one for every crawl of that size. */
    static ExecutorService pool(int size) {
        return POOLS.computeIfAbsent(size, n -> Executors.newFixedThreadPool(n, runnable -> {
            var thread = new Thread(runnable, "stagecheck-crawl-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
    }

    /**
     * Suppliers, each to be called on a helper thread, of a browser like {@code main}: same settings,
     * reset, then given main's cookies for the page it shows, so a member crawl stays signed in.
     */
    static List<Supplier<BrowserSession>> helpers(BrowserSession main, int count) {
        if (count <= 0) {
            return List.of();
        }
        warnIfCoresAreShort(main, count + 1);
        // Read on the caller's thread: WebDriver sessions are not shared across threads.
        var page = main.driver().getCurrentUrl();
        var cookies = page.startsWith("http") ? main.driver().manage().getCookies() : java.util.Set.<Cookie>of();
        return IntStream.range(0, count).<Supplier<BrowserSession>>mapToObj(i -> () -> {
            var helper = BrowserSessions.current(main.settings());
            helper.resetForNextTest();
            if (!cookies.isEmpty()) {
                // Cookies can only be set for the site the browser shows: open its root first.
                var uri = URI.create(page);
                helper.driver().get(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
                cookies.forEach(cookie -> helper.driver().manage().addCookie(cookie));
            }
            return helper;
        }).toList();
    }

    /**
     * One Chromium crawling keeps about two cores busy (its browser, renderer and GPU processes),
     * so local worker browsers beyond cores/2 only compete: the crawl gets slower, not faster.
     * Said once per run, as the setting may still be right on a Grid or a bigger machine.
     */
    private static void warnIfCoresAreShort(BrowserSession main, int browsers) {
        var cores = Runtime.getRuntime().availableProcessors();
        if (main.settings().gridUrl().isEmpty() && browsers * 2 > cores && WARNED.compareAndSet(false, true)) {
            log.info("crawl.workers={} on {} cores: each crawling browser keeps about 2 cores busy, so this crawl is likely"
                    + " slower than with 1; give each worker 2 cores or a Grid node (-Dgrid.url)", browsers, cores);
        }
    }
}
