package dev.stagecheck.bench;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.browser.ChromiumFactory;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.Crawler;
import dev.stagecheck.crawl.PageRecord;
import dev.stagecheck.demo.DemoOptions;
import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.pages.SitePage;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * The kit's own cost beside the browser's, measured side by side in one process so a noisy machine
 * cancels out in the ratios (issue 5). Each figure is the median of {@code bench.rounds} rounds.
 * Prints one table and writes it, with summary.properties, to reports/bench/.
 *
 * <pre>
 * mvn -o -q -Pbench test-compile exec:java -Dexec.mainClass=dev.stagecheck.bench.Benchmark -Dexec.classpathScope=test
 *     [-Dbench.rounds=3] [-Dbench.pages=1000] [-Dbench.small=100] [-Dbench.compare=200] [-Dbench.tests=30]
 * </pre>
 *
 */
public final class Benchmark {
    private static final Path CHROMIUM = Path.of(System.getProperty("browser.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("driver.path", "/usr/bin/chromedriver"));

    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final int largePages = Integer.getInteger("bench.pages", 1000);
    private final int smallPages = Integer.getInteger("bench.small", 100);
    private final int comparePages = Integer.getInteger("bench.compare", 200);
    private final int tests = Integer.getInteger("bench.tests", 30);
    private final Map<String, List<Double>> samples = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        new Benchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        try (var demo = DemoSite.start(DemoOptions.defaults().withPages(largePages + 10))) {
            System.setProperty("base.url", demo.baseUrl());
            System.setProperty("site", benchProfile(largePages).toString());
            var settings = Settings.current();
            System.out.println("bench: demo with " + largePages + " catalog pages at " + demo.baseUrl() + ", " + rounds + " round(s)");
            var compareUrls = catalog(demo, comparePages);
            var home = TargetSite.resolve("/");
            try (var peer = PlaywrightPeer.launch(CHROMIUM, PlaywrightPeer.Launch.PLAYWRIGHT_DEFAULTS);
                 var peerWithKitFlags = PlaywrightPeer.launch(CHROMIUM, PlaywrightPeer.Launch.KIT_FLAGS)) {
                for (int round = 1; round <= rounds; round++) {
                    System.out.println("bench: round " + round);
                    lifecycle(settings, home);
                    crawlOverhead(settings, compareUrls, peer, peerWithKitFlags);
                    scale(settings, demo);
                    parallel(settings, demo);
                    sample("peer.test.ms", peer.isolatedTests(home, tests).millisPerTest());
                    sample("peer.kit.flags.test.ms", peerWithKitFlags.isolatedTests(home, tests).millisPerTest());
                }
            }
            report();
        } finally {
            BrowserSessions.quitAll();
        }
    }

    /**
     * The same trivial test (open the home page through the kit's page object, check its title and
     * status), 30 times: the kit's reused browser, reset between tests (cookies, storage and, by
     * default, the HTTP cache, so each test's first page loads cold),
     * against a new browser for each test. The test's own work, done 30 times in a warm browser with
     * no reset, is timed too, so that what each way adds per test shows on its own.
     */
    private void lifecycle(Settings settings, String url) {
        var session = BrowserSessions.current(settings);
        trivialTest(session, settings, url); // warm
        var bare = time(() -> {
            for (int i = 0; i < tests; i++) {
                trivialTest(session, settings, url);
            }
        }) / (double) tests;
        var reused = time(() -> {
            for (int i = 0; i < tests; i++) {
                session.resetForNextTest();
                trivialTest(session, settings, url);
            }
        }) / (double) tests;
        var fresh = time(() -> {
            for (int i = 0; i < tests; i++) {
                BrowserSessions.quitAll();
                trivialTest(BrowserSessions.current(settings), settings, url);
            }
        }) / (double) tests;
        sample("test.body.ms", bare);
        sample("kit.test.ms", reused);
        sample("new.browser.test.ms", fresh);
        sample("kit.reset.overhead.ms", reused - bare);
        sample("new.browser.overhead.ms", fresh - bare);
    }

    private static void trivialTest(BrowserSession session, Settings settings, String url) {
        var visit = new SitePage(session, settings.profile().navigation()).open(url);
        if (visit.status() != 200 || visit.title().isBlank()) {
            throw new IllegalStateException("the demo home page answered " + visit.status() + " with title '" + visit.title() + "'");
        }
    }

    /** The kit's crawl of the catalog pages against a bare driver.get loop and Playwright (as started by its users, and with the kit's switches) over the same URLs. */
    private void crawlOverhead(Settings settings, List<String> urls, PlaywrightPeer peer, PlaywrightPeer peerWithKitFlags) {
        var session = BrowserSessions.current(settings);
        session.resetForNextTest();
        var crawler = new Crawler(session, profileFor(comparePages), TargetSite::isSameOrigin);
        var kit = new CrawlResult[1];
        var browserCpu = browserCpuMillis();
        var jvmCpu = jvmCpuMillis();
        var kitMillis = time(() -> kit[0] = crawler.crawl("bench", urls.subList(0, 1)));
        browserCpu = browserCpuMillis() - browserCpu;
        jvmCpu = jvmCpuMillis() - jvmCpu;
        var visited = kit[0].pages().stream().map(PageRecord::url).toList();
        sample("kit.crawl.pages", visited.size());
        sample("kit.crawl.pages.per.s", visited.size() * 1000.0 / kitMillis);
        // Where the crawl's time goes: the browser's own processes against the kit's JVM (the demo site included).
        sample("kit.crawl.browser.cpu.ms.per.page", browserCpu / (double) visited.size());
        sample("kit.crawl.jvm.cpu.ms.per.page", jvmCpu / (double) visited.size());
        sample("kit.crawl.cores.busy", (browserCpu + jvmCpu) / (double) kitMillis);
        var bare = bareLoop(visited);
        sample("bare.crawl.pages.per.s", visited.size() * 1000.0 / bare);
        sample("crawl.overhead", kitMillis / (double) bare);
        var playwright = peer.crawl(visited, PlaywrightPeer.Reading.TITLE_AND_LINKS);
        sample("peer.crawl.pages.per.s", playwright.pagesPerSecond());
        sample("peer.kit.flags.crawl.pages.per.s", peerWithKitFlags.crawl(visited, PlaywrightPeer.Reading.TITLE_AND_LINKS).pagesPerSecond());
    }

    /** driver.get on every URL in a plain ChromeDriver: the browser's own cost, nothing recorded. */
    private static long bareLoop(List<String> urls) {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(ChromiumFactory.QUIET_FLAGS);
        options.addArguments("--headless=new", "--no-sandbox", "--window-size=1920,1080",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        var driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        try {
            driver.get(urls.get(0));
            return time(() -> urls.forEach(driver::get));
        } finally {
            driver.quit();
        }
    }

    /** The same crawl by one browser and by two (the helper browser started beforehand, as it is kept between crawls). */
    private void parallel(Settings settings, DemoSite demo) {
        var session = BrowserSessions.current(settings);
        var profile = profileFor(comparePages);
        var start = catalog(demo, comparePages).subList(0, 1);
        var two = new Crawler(session, profile, TargetSite::isSameOrigin, 2);
        session.resetForNextTest();
        two.crawl("warm-up", List.of(demo.baseUrl() + "/"));
        session.resetForNextTest();
        var pages = new int[2];
        var one = time(() -> pages[0] = new Crawler(session, profile, TargetSite::isSameOrigin, 1).crawl("one browser", start).pages().size());
        session.resetForNextTest();
        var both = time(() -> pages[1] = two.crawl("two browsers", start).pages().size());
        sample("kit.crawl.2.pages.per.s", pages[1] * 1000.0 / both);
        sample("parallel.speedup", (pages[1] / (double) both) / (pages[0] / (double) one));
    }

    /** The kit's crawl of the small and the large catalog, and the memory it and its browser used for the large one. */
    private void scale(Settings settings, DemoSite demo) {
        var session = BrowserSessions.current(settings);
        session.resetForNextTest();
        var smallCrawler = new Crawler(session, profileFor(smallPages), TargetSite::isSameOrigin);
        var small = time(() -> smallCrawler.crawl("small", catalog(demo, smallPages).subList(0, 1)));
        var crawler = new Crawler(session, settings.profile(), TargetSite::isSameOrigin);
        session.resetForNextTest();
        System.gc();
        var heap = new Peak(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            return memory.getHeapMemoryUsage().getUsed();
        });
        var rss = new Peak(Benchmark::browserRss);
        var large = time(() -> crawler.crawl("large", catalog(demo, largePages).subList(0, 1)));
        sample("scale.ratio", large / (double) small);
        sample("heap.peak.mib", heap.stop() / 1024.0 / 1024.0);
        sample("browser.rss.peak.mib", rss.stop() / 1024.0 / 1024.0);
    }

    /** Start URLs of a crawl that reaches exactly the first {@code pages} catalog pages. */
    private static List<String> catalog(DemoSite demo, int pages) {
        var urls = new ArrayList<String>();
        urls.add(demo.baseUrl() + "/catalog/");
        for (int i = 1; i <= pages; i++) {
            urls.add(demo.baseUrl() + "/catalog/item-" + i);
        }
        return urls;
    }

    /** The demo profile with a crawl of exactly {@code pages} pages (when the site has them), visitor only. */
    private static SiteProfile profileFor(int pages) {
        try {
            var properties = new java.util.Properties();
            properties.putAll(System.getProperties());
            properties.setProperty("site", benchProfile(pages).toString());
            return Settings.load(properties, System.getenv()).profile();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a bench profile: " + e.getMessage(), e);
        }
    }

    private static Path benchProfile(int pages) throws IOException {
        var base = Files.readAllLines(Path.of("sites/demo.properties"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("crawl.")).toList();
        var lines = new ArrayList<>(base);
        lines.add("crawl.max.pages=" + pages);
        lines.add("crawl.max.depth=12");
        lines.add("crawl.max.time=60m");
        lines.add("crawl.as.member=false");
        lines.add("crawl.page.budget=5s");
        lines.add("crawl.external=false");
        var file = Files.createTempFile("stagecheck-bench-", ".properties");
        Files.write(file, lines, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    private void sample(String key, double value) {
        samples.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    private double median(String key) {
        var values = samples.getOrDefault(key, List.of()).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private void report() throws IOException {
        var summary = new LinkedHashMap<String, Double>();
        summary.put("lifecycle.ratio", median("new.browser.test.ms") / median("kit.test.ms"));
        summary.put("crawl.overhead", median("crawl.overhead"));
        summary.put("parallel.speedup", median("parallel.speedup"));
        summary.put("scale.ratio", median("scale.ratio"));
        summary.put("heap.peak.mib", median("heap.peak.mib"));
        summary.put("browser.rss.peak.mib", median("browser.rss.peak.mib"));
        summary.put("peer.crawl.speedup", median("kit.crawl.pages.per.s") / median("peer.crawl.pages.per.s"));
        summary.put("peer.test.ratio", median("peer.test.ms") / median("kit.test.ms"));
        var targets = Map.of("lifecycle.ratio", ">= 10", "crawl.overhead", "<= 1.25", "parallel.speedup", ">= 1.6",
                "scale.ratio", "<= 11", "heap.peak.mib", "< 256", "browser.rss.peak.mib", "(reported)",
                "peer.crawl.speedup", ">= 1.3", "peer.test.ratio", ">= 3");

        var table = new StringBuilder(String.format(Locale.ROOT, "%nstagecheck benchmark: medians of %d round(s), %d tests, %d/%d/%d pages%n",
                rounds, tests, smallPages, comparePages, largePages));
        table.append(String.format(Locale.ROOT, "%-34s %12s %s%n", "measurement", "median", "all rounds"));
        samples.forEach((key, values) -> table.append(String.format(Locale.ROOT, "%-34s %12.2f %s%n", key, median(key),
                Arrays.toString(values.stream().mapToDouble(v -> Math.round(v * 100) / 100.0).toArray()))));
        table.append(String.format(Locale.ROOT, "%n%-34s %12s %s%n", "summary", "value", "target"));
        summary.forEach((key, value) -> table.append(String.format(Locale.ROOT, "%-34s %12s %s%n", key,
                value.isNaN() ? "not measured" : String.format(Locale.ROOT, "%.2f", value), targets.get(key))));
        System.out.println(table);

        var dir = Path.of(System.getProperty("reports.dir", "reports")).resolve("bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bench.txt"), table.toString(), StandardCharsets.UTF_8);
        var properties = new StringBuilder("# stagecheck benchmark, medians of " + rounds + " round(s); NaN = not measured yet\n");
        summary.forEach((key, value) -> properties.append(key).append('=').append(String.format(Locale.ROOT, "%.3f", value)).append('\n'));
        Files.writeString(dir.resolve("summary.properties"), properties.toString(), StandardCharsets.UTF_8);
        System.out.println("bench: wrote " + dir.resolve("bench.txt") + " and " + dir.resolve("summary.properties"));
    }

    private static long time(Runnable action) {
        var started = System.nanoTime();
        action.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * Resident memory of the kit's browsers: everything below the chromedrivers this JVM started
     * (browser, GPU, network and renderer processes). Playwright's Chromium hangs below its Node
     * driver instead, so it is not counted.
     */
    private static long browserRss() {
        return overBrowserProcesses(Benchmark::rssBytes);
    }

    /** CPU time used so far by the kit's browsers (the same processes as {@link #browserRss()}), in ms. */
    private static long browserCpuMillis() {
        return overBrowserProcesses(Benchmark::cpuMillis);
    }

    private static long overBrowserProcesses(LongUnaryOperator perProcess) {
        return ProcessHandle.current().children()
                .filter(process -> process.info().command().map(c -> c.endsWith("chromedriver")).orElse(false))
                .flatMap(ProcessHandle::descendants)
                .mapToLong(process -> perProcess.applyAsLong(process.pid()))
                .sum();
    }

    /** User and system time of one process from /proc/PID/stat (fields 14 and 15, in USER_HZ = 100 ticks a second). */
    private static long cpuMillis(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0; // The process ended between listing and reading.
        }
    }

    private static long jvmCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    private static long rssBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D+", "")) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0; // The process ended between listing and reading.
        }
    }

    /** Samples a value every 100 ms on a daemon thread and keeps the highest. */
    private static final class Peak {
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        Peak(LongSupplier value) {
            sampler = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(value.getAsLong(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-peak");
            sampler.setDaemon(true);
            sampler.start();
        }

        long stop() {
            running = false;
            sampler.interrupt();
            return peak.get();
        }
    }
}
