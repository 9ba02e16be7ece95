package dev.stagecheck.crawl;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.OneLine;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.pages.CrawledPage;
import dev.stagecheck.traffic.ConsoleEntry;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.traffic.Traffic;
import dev.stagecheck.url.FileLinks;
import dev.stagecheck.url.SafeUrl;
import dev.stagecheck.safety.RefusedLinks;
import dev.stagecheck.safety.SafetyPolicy;
import dev.stagecheck.time.Deadline;
import org.openqa.selenium.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A bounded, breadth-first crawl of one site in the browser: every same-site page reachable by
 * links (menus opened too), each visited once (the visited set is checked when a link is queued),
 * never a URL on the never-visit list, and within the profile's page, depth and time limits.
 * Links to other sites are checked with a plain HTTP request, not crawled; so are file links (a
 * download: by the file's name or the link's {@code download} attribute), which have no page to read.
 */
public final class Crawler {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    private static final int MAX_EXTERNAL_LINKS = 200;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    /** @param file a file link: checked over HTTP, not opened in the browser */
    private record Target(String url, String from, int depth, boolean file) {}

    private record Visit(PageRecord record, List<String> links, Set<String> downloads, List<RefusedLinks.Entry> refused) {}

    private final BrowserSession session;
    private final SiteProfile.Crawl limits;
    private final Predicate<String> sameSite;
    private final SafetyPolicy policy;
    private final Optional<String> menuToggle;
    private final ExternalLinkChecker externalLinkChecker;
    private final FileLinkCheck fileLinkCheck;
    private final int workers;

    /** A crawl in this browser alone. */
    public Crawler(BrowserSession session, SiteProfile profile, Predicate<String> sameSite) {
        this(session, profile, sameSite, 1);
    }

    /**
     * A crawl shared by {@code workers} browsers: this one and helpers with the same settings and
     * this browser's cookies (so a member crawl stays signed in everywhere), reused across crawls.
     */
    public Crawler(BrowserSession session, SiteProfile profile, Predicate<String> sameSite, int workers) {
        this.workers = Math.max(1, workers);
        this.session = session;
        this.limits = profile.crawl();
        this.sameSite = sameSite;
        this.policy = profile.safety();
        this.menuToggle = profile.navigation().menuToggle();
        this.externalLinkChecker = new ExternalLinkChecker(session.settings().httpTimeout());
        this.fileLinkCheck = new FileLinkCheck(session.settings().httpTimeout());
    }

    public CrawlResult crawl(String label, List<String> startUrls) {
        var started = System.nanoTime();
        var frontier = new Frontier(label, Deadline.after(limits.maxTime()));
        for (var start : startUrls) {
            var url = normalize(start);
            if (url != null) {
                frontier.offer(url, "", 0, FileLinks.byName(url));
            }
        }
        var helpers = CrawlWorkers.helpers(session, workers - 1).stream()
                .map(helper -> CompletableFuture.runAsync(() -> {
                    BrowserSession browser;
                    try {
                        browser = helper.get();
                    } catch (RuntimeException e) {
                        // The crawl goes on with the browsers it has; it is only slower.
                        log.info("a helper browser for crawl {} did not start ({}); going on without it", label, OneLine.of(e.getMessage()));
                        return;
                    }
                    work(browser, frontier);
                }, CrawlWorkers.pool(workers - 1)))
                .toList();
        work(session, frontier);
        helpers.forEach(CompletableFuture::join);
        var externalLinks = externalLinkChecker.check(frontier.external);
        var millis = (System.nanoTime() - started) / 1_000_000;
        log.info("crawl {}: {} pages, {} external links checked in {} ms{}{}", label, frontier.pages.size(), externalLinks.size(),
                millis, workers > 1 ? " by " + workers + " browsers" : "",
                frontier.stoppedEarly == null ? "" : " (stopped early: " + frontier.stoppedEarly + ")");
        if (frontier.refused.size() > 0) {
            log.info("crawl {}: {}", label, frontier.refused.summary());
        }
        return new CrawlResult(label, List.copyOf(frontier.pages), externalLinks, Optional.ofNullable(frontier.stoppedEarly), millis,
                frontier.refused, frontier.probes);
    }

    /** One browser's share of the crawl: take the next page, visit it, hand back what it links to. */
    private void work(BrowserSession browser, Frontier frontier) {
        for (var target = frontier.next(); target.isPresent(); target = frontier.next()) {
            Visit visit;
            try {
                visit = visit(browser, target.get());
            } catch (RuntimeException e) {
                frontier.failed();
                throw e;
            }
            frontier.done(target.get(), visit);
        }
    }

    /**
     * The crawl's shared state: the breadth-first queue, what was ever queued, the pages done and the
     * links to other sites. With several browsers, a worker waits while the queue is empty but others
     * are still visiting pages (they may queue more); the crawl ends when both are none.
     */
    private final class Frontier {
        private final String label;
        private final Deadline deadline;
        private final ArrayDeque<Target> queue = new ArrayDeque<>();
        private final HashSet<String> queued = new HashSet<>();
        private final List<PageRecord> pages = new ArrayList<>();
        private final Map<String, String> external = new LinkedHashMap<>();
        private final RefusedLinks refused = new RefusedLinks();
        private int probes;
        private String stoppedEarly;
        private int busy;
        private boolean broken;
        private Deadline nextProgress = Deadline.after(PROGRESS_EVERY);

        Frontier(String label, Deadline deadline) {
            this.label = label;
            this.deadline = deadline;
        }

        synchronized void offer(String url, String from, int depth, boolean file) {
            if (queued.add(url)) {
                queue.add(new Target(url, from, depth, file));
            }
        }

        synchronized Optional<Target> next() {
            while (true) {
                if (broken || stoppedEarly != null) {
                    return Optional.empty();
                }
                if (pages.size() + busy >= limits.maxPages() && !queue.isEmpty()) {
                    if (busy == 0) {
                        stoppedEarly = "page limit crawl.max.pages=" + limits.maxPages() + " reached, " + queue.size() + " queued";
                        notifyAll();
                        return Optional.empty();
                    }
                } else if (deadline.passed() && !queue.isEmpty()) {
                    stoppedEarly = "time limit crawl.max.time=" + limits.maxTime().toSeconds() + "s reached, " + queue.size() + " queued";
                    notifyAll();
                    return Optional.empty();
                } else if (!queue.isEmpty()) {
                    busy++;
                    return Optional.of(queue.poll());
                } else if (busy == 0) {
                    notifyAll();
                    return Optional.empty();
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }

        synchronized void done(Target target, Visit visit) {
            var page = visit.record();
            log.debug("crawl {}: visited {} {} (depth {}, {} ms, {} links{})", label, page.status() == 0 ? "ERR" : page.status(),
                    page.url(), page.depth(), page.millis(), visit.links().size(), page.error().map(error -> ", " + error).orElse(""));
            busy--;
            pages.add(visit.record());
            probes += visit.record().probeRequests();
            visit.refused().forEach(entry -> refused.add(entry.refusal(), entry.from()));
            for (var link : visit.links()) {
                var url = normalize(link);
                if (url == null || queued.contains(url) || external.containsKey(url)) {
                    continue;
                }
                var same = sameSite.test(url);
                if (same ? target.depth() >= limits.maxDepth() : !limits.checkExternal() || external.size() >= MAX_EXTERNAL_LINKS) {
                    continue;
                }
                // Asked when a link is found, before it is queued or checked: no refused URL is ever requested.
                var refusal = policy.refusal(url);
                if (refusal.isPresent()) {
                    refused.add(refusal.get(), SafeUrl.of(target.url()));
                } else if (same) {
                    offer(url, target.url(), target.depth() + 1, FileLinks.byName(url) || visit.downloads().contains(link));
                } else {
                    external.putIfAbsent(url, target.url());
                }
            }
            if (nextProgress.passed()) {
                nextProgress = Deadline.after(PROGRESS_EVERY);
                log.info("crawl {}: {} pages done, {} queued", label, pages.size(), queue.size());
            }
            notifyAll();
        }

        /** A worker's browser failed: stop the others too, the crawl's caller reports the error. */
        synchronized void failed() {
            busy--;
            broken = true;
            notifyAll();
        }
    }

    private Visit visit(BrowserSession session, Target target) {
        if (target.file()) {
            return fileVisit(session, target);
        }
        var shown = new CrawledPage(session, menuToggle);
        var traffic = session.traffic();
        traffic.clear();
        var started = System.nanoTime();
        Optional<String> error = Optional.empty();
        Optional<Exchange> response;
        if (target.depth() == 0) {
            session.safety().typed(target.url()); // A start page the profile names, not a link found on the way.
        }
        try {
            response = session.navigate(Optional.of(target.url()), () -> session.open(target.url()));
        } catch (TimeoutException e) {
            error = Optional.of("page load timed out after " + session.settings().pageTimeout().toSeconds() + " s");
            shown.stopLoading();
            response = traffic.awaitPageSince(0, session.settings().pageTimeout());
        }
        var loadEnded = System.nanoTime();
        var millis = (loadEnded - started) / 1_000_000;
        if (response.map(Exchange::isFile).orElse(false)) {
            // The link became a download: the tab still shows the page before, whose title and links are not this one's.
            return fileVisit(target, response.get(), millis, session);
        }
        // Read first: a script call runs after the page's load handlers, so what they sent is known by then.
        var page = shown.read();
        var late = error.isPresent() ? List.<PageRecord.LateRequest>of()
                : response.map(answer -> lateRequests(traffic, answer.url(), loadEnded)).orElse(List.of());
        if (late.stream().anyMatch(PageRecord.LateRequest::stillRunning)) {
            shown.stopLoading(); // What it still runs is this page's, not the next one's: stopped, and named as slow.
        }
        var resources = traffic.exchanges().stream().filter(exchange -> !exchange.isPage()).toList();
        var problems = resources.stream().filter(Exchange::isFailed).toList();
        // "Failed to load resource: 401" only repeats a failed sub-resource, which is counted already.
        var consoleErrors = traffic.console().stream().filter(ConsoleEntry::isError)
                .filter(entry -> !entry.text().startsWith("Failed to load resource")).toList();
        var answer = response;
        var problem = error.or(() -> answer.flatMap(Exchange::error))
                .or(() -> answer.isEmpty() ? Optional.of("no response seen") : Optional.empty());
        var record = new PageRecord(SafeUrl.of(target.url()), target.from(), target.depth(),
                answer.map(Exchange::status).orElse(0), problem,
                answer.map(Exchange::challenges).orElse(List.of()),
                page.title(), millis, resources.size(), problems, consoleErrors, traffic.probeRequests(), late, traffic.dialogs());
        return new Visit(record, withPopups(page.links(), session), page.downloads(), traffic.refusals().entries());
    }

    /**
     * The page's links and the addresses of the windows it asked to open: a popup is checked like a
     * link (the popup blocker kept it from loading unseen; one a click opened is closed again here).
     */
    private static List<String> withPopups(List<String> links, BrowserSession session) {
        var popups = session.traffic().popups();
        if (popups.isEmpty()) {
            return links;
        }
        session.closePopups();
        var all = new ArrayList<>(links);
        popups.forEach(popup -> all.add(popup.url()));
        return all;
    }

    /** A file link: its status from a plain HTTP request with the browser's cookies, and nothing to read. */
    private Visit fileVisit(BrowserSession session, Target target) {
        var traffic = session.traffic();
        traffic.clear();
        var started = System.nanoTime();
        var answer = fileLinkCheck.check(session, target.url(), target.from());
        return fileVisit(target, answer, (System.nanoTime() - started) / 1_000_000, session);
    }

    private static Visit fileVisit(Target target, Exchange answer, long millis, BrowserSession session) {
        var traffic = session.traffic();
        var record = new PageRecord(SafeUrl.of(target.url()), target.from(), target.depth(), answer.status(), answer.error(),
                answer.challenges(), "", millis, 0, List.of(), List.of(), traffic.probeRequests(), List.of());
        return new Visit(record, List.of(), Set.of(), traffic.refusals().entries());
    }

    /**
     * Waits for the page's network to go quiet (at most the page timeout), so every request it made
     * has its final answer before the page is judged and none is still running when the crawl moves
     * on (one left running would hold up or be taken for the next page's), and returns the requests
     * that outlasted its load. The wait is not the page's time: a slow request is named itself.
     */
    private List<PageRecord.LateRequest> lateRequests(Traffic traffic, String pageUrl, long loadEnded) {
        var requests = traffic.awaitQuiet(pageUrl, session.settings().pageTimeout());
        var now = System.nanoTime();
        return requests.stream().filter(request -> request.running() || request.endedNanos() > loadEnded)
                .map(request -> new PageRecord.LateRequest(request.url(), request.type(), request.millis(now), request.running()))
                .toList();
    }

    /** Without the #fragment; null for links that are not http(s) (mailto:, javascript:, tel:). */
    static String normalize(String link) {
        try {
            var uri = URI.create(link.trim());
            var scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            var hash = link.indexOf('#');
            return hash < 0 ? link.trim() : link.substring(0, hash).trim();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
