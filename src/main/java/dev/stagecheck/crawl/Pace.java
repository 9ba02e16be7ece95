package dev.stagecheck.crawl;

import dev.stagecheck.time.Deadline;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast the crawls of this run may ask one site: at most {@code crawl.rate} requests per second
 * on average, and not at all while the site asked to be left alone (a 429's {@code Retry-After}).
 * A page's own requests go out together, as a browser sends them; the crawl waits before the next
 * page until the requests so far fit the rate. The wait is never part of a page's load time, so a
 * slow crawl never makes a slow page. One per site for the whole run: crawls in parallel (helper
 * browsers, other tests) share it.
 */
public final class Pace {
    /** What {@code crawl.rate} is when the profile does not say, for a site not on this machine. */
    public static final double DEFAULT_REMOTE_RATE = 30;
    /** The burst the average allows: one second's worth, the requests of one typical page. */
    private static final long BURST_NANOS = Duration.ofSeconds(1).toNanos();
    private static final Map<String, Pace> BY_SITE = new ConcurrentHashMap<>();

    private final double perSecond;
    /** When the requests spent so far have all "paid off" at the rate (a virtual clock, nanoTime based). */
    private long paidUntil = System.nanoTime();
    private long quietUntil = System.nanoTime();

    private Pace(double perSecond) {
        this.perSecond = perSecond;
    }

    /**
     * The pace for {@code site}: {@code configured} when the profile sets {@code crawl.rate}
     * (infinite for {@code unlimited}); else unlimited on this machine's loopback, where nobody
     * else is served, and {@link #DEFAULT_REMOTE_RATE} elsewhere.
     */
    public static Pace forSite(URI site, Optional<Double> configured) {
        var rate = configured.orElseGet(() -> isLoopback(site) ? Double.POSITIVE_INFINITY : DEFAULT_REMOTE_RATE);
        return BY_SITE.compute(site.getScheme() + "://" + site.getAuthority(),
                (key, known) -> known != null && known.perSecond == rate ? known : new Pace(rate));
    }

    private static boolean isLoopback(URI site) {
        var host = String.valueOf(site.getHost()).toLowerCase(java.util.Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    public boolean unlimited() {
        return Double.isInfinite(perSecond);
    }

    public double perSecond() {
        return perSecond;
    }

    /** Waits until the next page may go (its turn at the rate, and no Retry-After pause), or until {@code crawlEnds}. */
    public synchronized void awaitTurn(Deadline crawlEnds) {
        while (true) {
            var turn = Math.max(paidUntil - BURST_NANOS, quietUntil);
            var wait = turn - System.nanoTime();
            if (wait <= 0 || crawlEnds.passed()) {
                return;
            }
            var ready = crawlEnds.atMost(Duration.ofNanos(wait)).await(this, () -> System.nanoTime() - turn >= 0);
            if (!ready && Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** Counts what a page asked of the site (its document, resources and the kit's own probes). */
    public synchronized void spent(int requests) {
        if (unlimited() || requests <= 0) {
            return;
        }
        paidUntil = Math.max(paidUntil, System.nanoTime() - BURST_NANOS) + Math.round(requests * 1e9 / perSecond);
    }

    /** The site asked for quiet (429 with Retry-After): no page of any crawl goes to it for {@code wait}. */
    public synchronized void quietFor(Duration wait) {
        quietUntil = Math.max(quietUntil, System.nanoTime() + wait.toNanos());
        notifyAll();
    }
}
