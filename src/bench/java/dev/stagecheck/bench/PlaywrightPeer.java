package dev.stagecheck.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.stagecheck.demo.DemoOptions;
import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.demo.DemoSiteProvider;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's peer: the same work done by Playwright for Java on the same Chromium binary,
 * so the kit's figures have something to be measured against in one run on one machine.
 *
 * <p>Runs offline: Playwright's browser download is skipped ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD},
 * set for its driver here, so no shell export is needed) and the system Chromium is launched by
 * path. By default nothing else is given, as a Playwright user would start it: Playwright adds its
 * own switches (no sandbox, no background networking, no back/forward cache...). {@link Launch#KIT_FLAGS}
 * adds the kit's switches on top, to show how much of a difference is the browser's configuration.
 * The driver itself (Node.js and Playwright's server) comes inside the Maven artifact.
 *
 * <p>Standalone: {@code PlaywrightPeer.main} starts the demo with {@code -Ddemo.pages=N} generated
 * pages (200 by default) and prints both measurements, the median of {@code -Dbench.rounds} rounds.
 */
public final class PlaywrightPeer implements AutoCloseable {

    /** How the peer's Chromium is started. */
    public enum Launch {
        /** The executable path and nothing else: what the peer and a Playwright user do. */
        PLAYWRIGHT_DEFAULTS,
        /**
         * The switches the kit's ChromiumFactory passes, added after Playwright's own. Chromium keeps
         * the last of a repeated switch, so the kit's {@code --disable-features} replaces Playwright's list.
         */
        KIT_FLAGS
    }

    /** The Chromium flags the kit's own ChromiumFactory passes, minus the ones Playwright sets itself. */
    private static final List<String> CHROMIUM_ARGS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
            dev.stagecheck.browser.ChromiumFactory.QUIET_FLAGS.stream()).toList();
    /** The kit's default device (desktop); Playwright's own default would be 1280x720. */
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;

    /** What a crawl step reads of each page besides its statuses: nothing, or title and links in one call as the kit's Crawler does. */
    public enum Reading { NAVIGATE_ONLY, TITLE_AND_LINKS }

    /** Title and every link's absolute href, in one round trip (the kit's Crawler reads the same in one script call). */
    private static final String READ_PAGE = "() => [document.title, Array.from(document.links, a => a.href)]";

    /**
     * One crawl: every URL navigated once in one page.
     *
     * @param pages            URLs navigated
     * @param millis           wall time of the navigations (browser start excluded)
     * @param statuses         every response the page saw (documents and sub-resources), counted by status
     * @param documentStatuses the status {@code navigate} returned per document, counted by status
     * @param consoleMessages  console messages and uncaught page errors seen
     * @param linksRead        links read from the pages ({@link Reading#TITLE_AND_LINKS}), else 0
     */
    public record Crawl(int pages, long millis, Map<Integer, Integer> statuses, Map<Integer, Integer> documentStatuses,
                       int consoleMessages, int linksRead) {
        public double pagesPerSecond() {
            return pages * 1000.0 / Math.max(1, millis);
        }

        public int responses() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Trivial isolated tests: a new context per test, one navigation, the title read, the context closed.
     *
     * @param tests  how many ran
     * @param millis wall time of all of them
     */
    public record IsolatedTests(int tests, long millis) {
        public double millisPerTest() {
            return (double) millis / Math.max(1, tests);
        }
    }

    private final Playwright playwright;
    private final Browser browser;

    private PlaywrightPeer(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts Playwright's driver and one headless Chromium from {@code chromium} (e.g. {@code /usr/bin/chromium}) as Playwright users do. */
    public static PlaywrightPeer launch(Path chromium) {
        return launch(chromium, Launch.PLAYWRIGHT_DEFAULTS);
    }

    /** Starts Playwright's driver and one headless Chromium from {@code chromium}, started {@code how}. */
    public static PlaywrightPeer launch(Path chromium, Launch how) {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium)
                    .setHeadless(true)
                    .setArgs(how == Launch.KIT_FLAGS ? CHROMIUM_ARGS : List.of()));
            return new PlaywrightPeer(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public String browserVersion() {
        return browser.version();
    }

    /** Navigates one page to each URL in turn, recording every status and console message. */
    public Crawl crawl(List<String> urls) {
        return crawl(urls, Reading.NAVIGATE_ONLY);
    }

    /**
     * Navigates one page to each URL in turn, recording every status and console message, and with
     * {@link Reading#TITLE_AND_LINKS} reading what a crawler needs to find the next pages.
     */
    public Crawl crawl(List<String> urls, Reading reading) {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<Integer, Integer> documents = new TreeMap<>();
        AtomicInteger console = new AtomicInteger();
        int links = 0;
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            page.onResponse(response -> statuses.merge(response.status(), 1, Integer::sum));
            page.onConsoleMessage(message -> console.incrementAndGet());
            page.onPageError(error -> console.incrementAndGet());
            long started = System.nanoTime();
            for (String url : urls) {
                var response = page.navigate(url);
                // null: the browser answered from history or the URL was only a fragment change
                documents.merge(response == null ? 0 : response.status(), 1, Integer::sum);
                if (reading == Reading.TITLE_AND_LINKS) {
                    List<?> titleAndLinks = (List<?>) page.evaluate(READ_PAGE);
                    links += ((List<?>) titleAndLinks.get(1)).size();
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Crawl(urls.size(), millis, new TreeMap<>(statuses), documents, console.get(), links);
        }
    }

    /** {@code tests} trivial tests on {@code url}, each in a context of its own (Playwright's unit of isolation). */
    public IsolatedTests isolatedTests(String url, int tests) {
        long started = System.nanoTime();
        for (int i = 0; i < tests; i++) {
            try (BrowserContext context = newContext()) {
                Page page = context.newPage();
                page.navigate(url);
                if (page.title().isEmpty()) {
                    throw new IllegalStateException("no title on " + url);
                }
            }
        }
        return new IsolatedTests(tests, (System.nanoTime() - started) / 1_000_000);
    }

    private BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, HEIGHT));
    }

    /** Closes the browser and Playwright's driver. */
    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }

    /**
     * {@code java -Ddemo.pages=200 [-Dbench.rounds=3] [-Dbench.tests=30] [-Dbrowser.binary=/usr/bin/chromium] [-Dpeer.kit.flags=true]
     * dev.stagecheck.bench.PlaywrightPeer}: the crawl of the N generated pages and the isolated tests
     * on one of them, each round side by side, then the medians.
     */
    public static void main(String[] args) {
        int pages = DemoSiteProvider.pagesFrom(System.getProperty(DemoSiteProvider.PAGES_PROPERTY, "200"));
        int rounds = Integer.getInteger("bench.rounds", 3);
        int tests = Integer.getInteger("bench.tests", 30);
        Path chromium = Path.of(System.getProperty("browser.binary", "/usr/bin/chromium"));
        if (pages == 0) {
            throw new IllegalArgumentException("demo.pages must be at least 1 for a crawl");
        }
        try (DemoSite site = DemoSite.start(DemoOptions.defaults().withPages(pages))) {
            List<String> urls = new ArrayList<>();
            for (int item = 1; item <= pages; item++) {
                urls.add(site.baseUrl() + "/catalog/item-" + item);
            }
            long launchStarted = System.nanoTime();
            Launch how = Boolean.getBoolean("peer.kit.flags") ? Launch.KIT_FLAGS : Launch.PLAYWRIGHT_DEFAULTS;
            try (PlaywrightPeer peer = PlaywrightPeer.launch(chromium, how)) {
                System.out.printf("Playwright for Java (" + how + ") on Chromium %s (driver and browser up in %d ms), %d pages, %d rounds%n",
                        peer.browserVersion(), (System.nanoTime() - launchStarted) / 1_000_000, pages, rounds);
                // One unmeasured pass, so the first round does not pay for the browser's cold caches alone.
                peer.isolatedTests(urls.get(0), 3);
                List<Double> navigateOnly = new ArrayList<>();
                List<Double> withLinks = new ArrayList<>();
                List<Double> millisPerTest = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    Crawl crawl = peer.crawl(urls, Reading.NAVIGATE_ONLY);
                    Crawl reading = peer.crawl(urls, Reading.TITLE_AND_LINKS);
                    IsolatedTests isolated = peer.isolatedTests(urls.get(0), tests);
                    navigateOnly.add(crawl.pagesPerSecond());
                    withLinks.add(reading.pagesPerSecond());
                    millisPerTest.add(isolated.millisPerTest());
                    System.out.printf("round %d: crawl %d pages in %d ms = %.1f pages/s, %d responses %s, documents %s,"
                                    + " %d console messages; reading title and links too %.1f pages/s (%d links);"
                                    + " %d isolated tests %.0f ms each%n",
                            round, crawl.pages(), crawl.millis(), crawl.pagesPerSecond(), crawl.responses(), crawl.statuses(),
                            crawl.documentStatuses(), crawl.consoleMessages(), reading.pagesPerSecond(), reading.linksRead(),
                            isolated.tests(), isolated.millisPerTest());
                }
                System.out.printf("median: crawl %.1f pages/s (reading title and links: %.1f), isolated test %.0f ms%n",
                        median(navigateOnly), median(withLinks), median(millisPerTest));
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
