package dev.stagecheck.crawl;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.browser.TabTrouble;
import dev.stagecheck.config.OneLine;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.pages.CrawledPage;
import dev.stagecheck.traffic.ConsoleEntry;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.traffic.SiteAnswers;
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
    /** URLs beyond the depth limit counted at most (a count, not a list to keep). */
    private static final int MAX_COUNTED = 10_000;
    /** How long the document's own answer is still awaited once its load was stopped: it came by then, or never. */
    private static final Duration ANSWER_AFTER_STOP = Duration.ofSeconds(1);

    /** @param file a file link: checked over HTTP, not opened in the browser */
    private record Target(String url, String from, int depth, boolean file) {}

    /**
     * @param asked      requests it cost the site (documents and resources the server answered, the kit's probes)
     * @param askedToWait the longest Retry-After of a 429 among them: the site asked for quiet
     */
    private record Visit(PageRecord record, List<String> links, Set<String> downloads, List<RefusedLinks.Entry> refused, int asked,
                         Optional<Duration> askedToWait) {}

    private final BrowserSession session;
    private final SiteProfile.Crawl limits;
    private final Predicate<String> sameSite;
    private final SafetyPolicy policy;
    private final Optional<String> menuToggle;
    private final ExternalLinkChecker externalLinkChecker;
    private final FileLinkCheck fileLinkCheck;
    private final int workers;
    private final Pace pace;

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
        this.pace = Pace.forSite(TargetSite.baseUrl(), limits.rate());
    }

    /** How {@link CrawlResult#stoppedEarly()} starts when the crawl's browser died under it. */
    public static final String BROWSER_DIED = "the browser died";

    /** The browser this crawl drives (its helpers aside). */
    public BrowserSession session() {
        return session;
    }

    public CrawlResult crawl(String label, List<String> startUrls) {
        return crawl(label, startUrls, Set.of());
    }

    /**
     * A crawl that does not visit {@code reported} again: pages an earlier crawl of this run found
     * hung, crashed or held for a whole page timeout. They are reported already, and would cost
     * that timeout once more for nothing new.
     */
    public CrawlResult crawl(String label, List<String> startUrls, Set<String> reported) {
        var started = System.nanoTime();
        var frontier = new Frontier(label, Deadline.after(limits.maxTime()), reported);
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
                frontier.stoppedEarly() == null ? "" : " (stopped early: " + frontier.stoppedEarly() + ")");
        if (frontier.refused.size() > 0) {
            log.info("crawl {}: {}", label, frontier.refused.summary());
        }
        if (!frontier.notAgain.isEmpty()) {
            log.info("crawl {}: {} page(s) not visited again, as each cost an earlier crawl a page timeout (reported there): {}",
                    label, frontier.notAgain.size(), String.join(", ", frontier.notAgain));
        }
        frontier.traps().forEach(trap -> log.info("crawl {}: possible crawl trap {}: {} near-duplicate URLs crawled, {} more not",
                label, trap.pattern(), trap.crawled(), trap.skipped()));
        return new CrawlResult(label, List.copyOf(frontier.pages), externalLinks, Optional.ofNullable(frontier.stoppedEarly()), millis,
                frontier.refused, frontier.probes, Optional.ofNullable(frontier.failure), frontier.traps());
    }

    /** One browser's share of the crawl: take the next page, visit it, hand back what it links to. */
    private void work(BrowserSession first, Frontier frontier) {
        var browser = first;
        for (var target = frontier.next(); target.isPresent(); target = frontier.next()) {
            Visit visit;
            try {
                visit = paced(browser, target.get(), frontier.deadline);
            } catch (RuntimeException e) {
                if (!browser.isAlive()) {
                    // The machine's fault, not the page's: what the crawl saw so far is kept and reported.
                    log.debug("crawl {}: the browser died at {}: {}", frontier.label, SafeUrl.of(target.get().url()), e.toString());
                    frontier.browserDied(target.get(), browser == session);
                    return;
                }
                // What the crawl saw so far is kept and judged; the error is one line saying where it stopped.
                log.debug("crawl {} stopped by an error on {}", frontier.label, target.get().url(), e);
                frontier.failed(target.get(), e);
                return;
            }
            frontier.done(target.get(), visit);
            if (browser.mustBeReplaced()) {
                var next = frontier.replace(browser, target.get(), browser == session);
                if (next.isEmpty()) {
                    return;
                }
                browser = next.get();
            }
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
        private final HashSet<String> retried = new HashSet<>();
        private int probes;
        private String stoppedEarly;
        private CrawlFailure failure;
        private final NearDuplicates nearDuplicates = new NearDuplicates();
        /** Same-site URLs found beyond crawl.max.depth, not visited (a calendar's next month, forever). */
        private final HashSet<String> beyondDepth = new HashSet<>();
        private int busy;
        private boolean broken;
        private Deadline nextProgress = Deadline.after(PROGRESS_EVERY);

        /** Pages an earlier crawl already reported as costing a page timeout: not visited again. */
        private final Set<String> reported;
        private final List<String> notAgain = new ArrayList<>();

        Frontier(String label, Deadline deadline, Set<String> reported) {
            this.label = label;
            this.deadline = deadline;
            this.reported = reported;
        }

        synchronized void offer(String url, String from, int depth, boolean file) {
            if (reported.contains(SafeUrl.of(url))) {
                if (queued.add(url)) {
                    notAgain.add(SafeUrl.of(url));
                }
                return;
            }
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
                if (same && target.depth() >= limits.maxDepth()) {
                    if (beyondDepth.size() < MAX_COUNTED && policy.refusal(url).isEmpty()) {
                        beyondDepth.add(url);
                    }
                    continue;
                }
                if (!same && (!limits.checkExternal() || external.size() >= MAX_EXTERNAL_LINKS)) {
                    continue;
                }
                // Asked when a link is found, before it is queued or checked: no refused URL is ever requested.
                var refusal = policy.refusal(url);
                if (refusal.isPresent()) {
                    refused.add(refusal.get(), SafeUrl.of(target.url()));
                } else if (same) {
                    if (nearDuplicates.admit(url, target.url())) {
                        offer(url, target.url(), target.depth() + 1, FileLinks.byName(url) || visit.downloads().contains(link));
                    } else {
                        queued.add(url); // Counted once, as one of the trap's.
                    }
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

        /**
         * A browser died on {@code target}. The crawl's own browser ends the crawl (its test fails with the
         * reason); a helper's share goes back to the others, the page once more, as the page may not be to blame.
         */
        synchronized void browserDied(Target target, boolean own) {
            busy--;
            if (own) {
                stoppedEarly = BROWSER_DIED + " while loading " + SafeUrl.of(target.url()) + " after " + pages.size() + " pages";
            } else if (retried.add(target.url())) {
                log.info("crawl {}: a helper browser died while loading {}; the others crawl on", label, SafeUrl.of(target.url()));
                queue.addFirst(target);
            }
            notifyAll();
        }

        /**
         * The page {@code target} left its browser unusable (one without DevTools: a hung script or a dead
         * web process): a new browser goes on with the crawl. Not one that held a sign-in, which a new
         * browser would not have: the rest would be crawled as a visitor, every member page a false finding.
         */
        Optional<BrowserSession> replace(BrowserSession unusable, Target target, boolean own) {
            synchronized (this) {
                if (unusable.holdsSignIn()) {
                    if (own) {
                        stoppedEarly = BROWSER_DIED + " (ended by the kit: " + SafeUrl.of(target.url()) + " hung or crashed it, and this"
                                + " browser cannot mend a tab) after " + pages.size() + " pages; its sign-in cannot be carried to a new"
                                + " browser, so the rest was not crawled";
                        notifyAll();
                    }
                    log.info("crawl {}: {} left the browser unusable; it held a sign-in, so {}", label, SafeUrl.of(target.url()),
                            own ? "the crawl stops here" : "the other browsers crawl on without it");
                    return Optional.empty();
                }
            }
            log.info("crawl {}: {} left the browser unusable (hung or crashed); the crawl goes on in a new one", label, SafeUrl.of(target.url()));
            try {
                return Optional.of(BrowserSessions.replace(unusable));
            } catch (RuntimeException e) {
                log.info("crawl {}: no new browser started ({})", label, OneLine.of(e.getMessage()));
                if (own) {
                    synchronized (this) {
                        stoppedEarly = BROWSER_DIED + " (ended by the kit: " + SafeUrl.of(target.url()) + " hung or crashed it) after "
                                + pages.size() + " pages, and no new browser started: " + OneLine.of(e.getMessage());
                        notifyAll();
                    }
                }
                return Optional.empty();
            }
        }

        /** A worker's browser failed on {@code target}: stop the others too; the result names the error. */
        synchronized void failed(Target target, RuntimeException e) {
            busy--;
            broken = true;
            if (failure == null) {
                failure = new CrawlFailure(SafeUrl.of(target.url()), "after " + pages.size() + " pages, " + queue.size() + " still queued: "
                        + OneLine.of(String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName())));
            }
            notifyAll();
        }

        /** Why the crawl did not see everything it found: a limit reached, or the error that stopped it. */
        synchronized String stoppedEarly() {
            if (stoppedEarly != null) {
                return stoppedEarly;
            }
            if (failure != null) {
                return "stopped by an error: " + failure.line();
            }
            if (!beyondDepth.isEmpty()) {
                var count = beyondDepth.size() >= MAX_COUNTED ? MAX_COUNTED + " or more" : Integer.toString(beyondDepth.size());
                return "depth limit crawl.max.depth=" + limits.maxDepth() + " reached, " + count + " URL"
                        + (beyondDepth.size() == 1 ? "" : "s") + " beyond it not visited";
            }
            return null;
        }

        synchronized List<CrawlTrap> traps() {
            return nearDuplicates.traps();
        }
    }

    /**
     * Visits a page in its turn at {@code crawl.rate}. A page the site refused with 429 and a
     * Retry-After the crawl can afford (at most {@code timeout.page}) is asked once more after that
     * wait, which every crawl of the site keeps too; only a second 429 is a finding.
     */
    private Visit paced(BrowserSession browser, Target target, Deadline crawlEnds) {
        pace.awaitTurn(crawlEnds);
        var visit = visit(browser, target);
        pace.spent(visit.asked());
        visit.askedToWait().ifPresent(wait -> pace.quietFor(atMostPageTimeout(browser, wait)));
        var wait = Exchange.retryAfter(visit.record().error());
        if (visit.record().status() != 429 || wait.isEmpty() || wait.get().compareTo(browser.settings().pageTimeout()) > 0
                || crawlEnds.passed()) {
            return visit;
        }
        log.info("{} answered 429 Too Many Requests; asking again after its Retry-After of {} s", SafeUrl.of(target.url()), wait.get().toSeconds());
        pace.awaitTurn(crawlEnds);
        var again = visit(browser, target);
        pace.spent(again.asked());
        if (again.record().status() != 429) {
            return again;
        }
        var note = again.record().error().orElse("") + ", also when asked again after waiting " + wait.get().toSeconds() + " s";
        return new Visit(again.record().withError(note), again.links(), again.downloads(), again.refused(), again.asked(), again.askedToWait());
    }

    private static Duration atMostPageTimeout(BrowserSession browser, Duration wait) {
        var bound = browser.settings().pageTimeout();
        return wait.compareTo(bound) > 0 ? bound : wait;
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
        var timedOut = false;
        try {
            response = session.navigate(Optional.of(target.url()), () -> session.open(target.url()));
        } catch (TimeoutException e) {
            timedOut = true;
            shown.stopLoading();
            response = traffic.awaitPageSince(0, ANSWER_AFTER_STOP);
        }
        var loadEnded = System.nanoTime();
        var millis = (loadEnded - started) / 1_000_000;
        if (response.map(Exchange::isFile).orElse(false)) {
            // The link became a download: the tab still shows the page before, whose title and links are not this one's.
            return fileVisit(target, response.get(), millis, session);
        }
        var trouble = session.tabTrouble();
        // Read first: a script call runs after the page's load handlers, so what they sent is known by then.
        // A renderer that died shows a blank page now: nothing of this page's to read.
        // So does a tab that must be given up (a browser that cannot stop a page's script): nothing can be read there.
        var page = trouble.filter(TabTrouble::crashed).isPresent() || session.mustBeReplaced() ? CrawledPage.Reading.NOTHING : shown.read();
        trouble = trouble.or(session::tabTrouble);
        List<PageRecord.LateRequest> late;
        if (timedOut) {
            // What held the load event past the page timeout is named: an image, a script that never answers.
            late = response.map(answer -> heldTheLoad(traffic, answer.url(), started)).orElse(List.of());
            var pageTimeout = session.settings().pageTimeout().toSeconds();
            error = trouble.isPresent() || !late.isEmpty() ? Optional.of(PageRecord.LOAD_STOPPED + "timeout.page=" + pageTimeout + " s")
                    : Optional.of(PageRecord.HUNG + "it did not finish loading within timeout.page=" + pageTimeout + " s");
        } else {
            late = response.map(answer -> lateRequests(traffic, answer.url(), loadEnded, started)).orElse(List.of());
        }
        if (trouble.isPresent()) {
            error = Optional.of((trouble.get().crashed() ? PageRecord.CRASHED : PageRecord.HUNG) + trouble.get().detail());
            // What the held renderer left pending (its own scripts and images) is the hang's, named by it: no requests of their own.
            late = List.of();
        }
        if (late.stream().anyMatch(PageRecord.LateRequest::stillRunning)) {
            shown.stopLoading(); // What it still runs is this page's, not the next one's: stopped, and named as slow.
        }
        var resources = traffic.exchanges().stream().filter(exchange -> !exchange.isPage()).toList();
        var problems = resources.stream().filter(Exchange::isFailed).toList();
        // "Failed to load resource: 401" only repeats a failed sub-resource, which is counted already.
        var consoleErrors = traffic.console().stream().filter(ConsoleEntry::isError)
                .filter(entry -> !entry.text().startsWith("Failed to load resource")).toList();
        if (error.isEmpty() && page.notText()) {
            error = Optional.of(PageRecord.NOT_TEXT);
        }
        var answer = response;
        var problem = error.or(() -> answer.flatMap(exchange -> exchange.error().map(said -> redirectedTo(target.url(), exchange, said))))
                .or(() -> answer.isEmpty() ? Optional.of("no response seen") : Optional.empty());
        var record = new PageRecord(SafeUrl.of(target.url()), target.from(), target.depth(),
                answer.map(Exchange::status).orElse(0), problem,
                answer.map(Exchange::challenges).orElse(List.of()),
                page.title(), millis, resources.size(), problems, consoleErrors, traffic.probeRequests(), late, traffic.dialogs());
        return new Visit(record, withPopups(page.links(), session), page.downloads(), traffic.refusals().entries(),
                asked(traffic.exchanges(), traffic.probeRequests()), askedToWait(traffic.exchanges()));
    }

    /**
     * What the page asked of the site: every request the browser does not report as answered from its
     * cache (it does not flag every cache hit, so the server may see fewer, never more), and the kit's probes.
     */
    private int asked(List<Exchange> exchanges, int probes) {
        return (int) exchanges.stream().filter(exchange -> !exchange.fromCache() && sameSite.test(exchange.url())).count() + probes;
    }

    private static Optional<Duration> askedToWait(List<Exchange> exchanges) {
        return exchanges.stream().filter(exchange -> exchange.status() == 429).flatMap(exchange -> exchange.retryAfter().stream())
                .max(Duration::compareTo);
    }

    /** A load that ended elsewhere with no answer says where: "redirected to X, where nothing answers (net::ERR_...)". */
    private static String redirectedTo(String url, Exchange answer, String said) {
        if (answer.status() != 0 || answer.url().equals(url) || !SiteAnswers.isNoConnection(said)) {
            return said;
        }
        return "redirected to " + SafeUrl.of(answer.url()) + ", where nothing answers (" + said + ")";
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
        return new Visit(record, List.of(), Set.of(), traffic.refusals().entries(), 1 + traffic.probeRequests(),
                answer.status() == 429 ? answer.retryAfter() : Optional.empty());
    }

    /**
     * Waits for the page's network to go quiet (at most the page timeout), so every request it made
     * has its final answer before the page is judged and none is still running when the crawl moves
     * on (one left running would hold up or be taken for the next page's), and returns the requests
     * that outlasted its load. The wait is not the page's time: a slow request is named itself.
     */
    private List<PageRecord.LateRequest> lateRequests(Traffic traffic, String pageUrl, long loadEnded, long started) {
        // Load and wait together take at most the page timeout: a page costs the crawl that much once, not twice.
        var left = session.settings().pageTimeout().minusNanos(System.nanoTime() - started);
        var requests = traffic.awaitQuiet(pageUrl, left.isNegative() ? Duration.ZERO : left);
        var now = System.nanoTime();
        return requests.stream().filter(request -> request.running() || request.endedNanos() > loadEnded)
                .map(request -> new PageRecord.LateRequest(request.url(), request.type(), request.millis(now), request.running()))
                .toList();
    }

    /**
     * The requests of a page whose load was stopped at the page timeout that were still running
     * when it passed: what held the load (the stop itself ended them a moment later).
     */
    private List<PageRecord.LateRequest> heldTheLoad(Traffic traffic, String pageUrl, long started) {
        var timeoutPassed = started + session.settings().pageTimeout().toNanos();
        var now = System.nanoTime();
        return traffic.awaitQuiet(pageUrl, Duration.ZERO).stream()
                .filter(request -> request.running() || request.endedNanos() >= timeoutPassed)
                .map(request -> new PageRecord.LateRequest(request.url(), request.type(), request.millis(now), true))
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
