package dev.stagecheck.demo;

import com.sun.net.httpserver.HttpServer;
import dev.stagecheck.config.ConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in staging site the kit checks by default: a small JDK-only web site with public
 * pages, a member login, a forbidden page, a Basic-auth admin area, a Digest-auth reports area,
 * a keyed JSON API, a contact form and a search. Start one per test run and close it afterwards.
 *
 * <p>{@link Fault}s make it misbehave on purpose, from the start ({@link DemoOptions#faults()})
 * or switched on a running site ({@link #faults(Set)}), so the kit's self-tests can prove its
 * checklist catches them. Every request is logged in a server log ({@link #serverLog()}, also
 * served at {@code /_demo/server.log}).
 *
 * <p>Signed-in members also get a WordPress-style editor area whose plain links really change
 * content; {@link #contentState()}, {@link #liveSessions()} and {@link #contactMessages()} (all
 * also at {@code /_demo/state}) let a safety self-test prove a crawl changed nothing.
 */
public final class DemoSite implements AutoCloseable {

    private volatile HttpServer server;
    private final ExchangeDispatcher dispatcher;
    private final InetSocketAddress address;
    private final ExecutorService executor;
    private final SessionStore sessions;
    private final FaultSwitch faults;
    private final StickySessions sticky;
    private final ServerLog log;
    private final ManagedContent content;
    private final ContactInbox inbox;
    private final HostileSwitch hostile;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoSite(HttpServer server, ExchangeDispatcher dispatcher, ExecutorService executor, DemoRoutes.Parts parts) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.address = server.getAddress();
        this.executor = executor;
        this.sessions = parts.sessions();
        this.faults = parts.faults();
        this.sticky = parts.sticky();
        this.log = parts.log();
        this.content = parts.content();
        this.inbox = parts.inbox();
        this.hostile = parts.hostile();
    }

    /** Starts on 127.0.0.1 with an ephemeral port. */
    public static DemoSite start() {
        return start(DemoOptions.defaults());
    }

    /** Starts on 127.0.0.1 with the given port (0 for an ephemeral one). */
    public static DemoSite start(int port) {
        return start(DemoOptions.defaults().withPort(port));
    }

    /** Starts with explicit options, e.g. {@code DemoOptions.defaults().withFaults(Set.of(Fault.PUBLIC_401))}. */
    public static DemoSite start(DemoOptions options) {
        disableNagleUnlessConfigured();
        SessionStore sessions = new SessionStore();
        FaultSwitch faults = new FaultSwitch(options.faults());
        StickySessions sticky = new StickySessions(sessions, faults);
        ServerLog log = new ServerLog();
        ExecutorService executor = Executors.newFixedThreadPool(options.threads(), namedDaemonThreads());
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(options.host()), options.port());
            HttpServer server = HttpServer.create(address, 0);
            HostileSwitch hostile = new HostileSwitch(options.hostile());
            Layout layout = new Layout(hostile);
            ErrorPages errors = new ErrorPages(layout);
            DemoRoutes.Parts parts = new DemoRoutes.Parts(sessions, errors, layout, faults, log, sticky,
                    new ManagedContent(), new ContactInbox(), hostile);
            Router router = DemoRoutes.build(options, parts);
            ExchangeDispatcher dispatcher = new ExchangeDispatcher(router,
                    headers -> sessions.find(headers).or(() -> sticky.recognise(headers)), errors, log);
            server.createContext("/", dispatcher);
            server.setExecutor(executor);
            server.start();
            return new DemoSite(server, dispatcher, executor, parts);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("Demo site could not bind " + options.host() + ":" + options.port(), e);
        }
    }

    /**
     * The site goes down as a crashed server does: the port is closed, open connections are dropped,
     * every new one is refused. {@link #answerAgain()} brings it back on the same address, with its
     * state (sessions, content, faults) as it was. Safe to call twice.
     */
    public synchronized void stopAnswering() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Back on the same address after {@link #stopAnswering()}; does nothing while it answers. */
    public synchronized void answerAgain() {
        if (server != null || closed.get()) {
            return;
        }
        try {
            HttpServer again = HttpServer.create(address, 0);
            again.createContext("/", dispatcher);
            again.setExecutor(executor);
            again.start();
            server = again;
        } catch (IOException e) {
            throw new UncheckedIOException("Demo site could not bind " + address + " again", e);
        }
    }

    /** For example {@code http://127.0.0.1:43121}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** Every session cookie value ever issued, so the secrets self-test can grep reports for them. */
    public Set<String> issuedSessionIds() {
        return sessions.issuedIds();
    }

    /**
     * Switches faults on a running site: exactly these are on from the next request (an empty set
     * switches all off). Safe to call from any thread while requests are served.
     */
    public void faults(Set<Fault> faults) {
        Objects.requireNonNull(faults, "faults (use Set.of() for none)");
        this.faults.set(faults);
        if (!faults.contains(Fault.STICKY_SESSION)) {
            sticky.clear();
        }
    }

    /**
     * Switches the hostile section ({@link HostilePages}: dialogs, pop-ups, a background 401) on or
     * off on a running site, from the next request: its pages and its menu link exist only while on.
     */
    public void hostile(boolean on) {
        hostile.set(on);
    }

    /** True while the hostile section is on. */
    public boolean hostile() {
        return hostile.on();
    }

    /** The faults on right now: immutable, in declaration order. */
    public Set<Fault> faults() {
        return faults.current();
    }

    /**
     * A copy of the server log so far, oldest first (the last {@value ServerLog#MAX_LINES} lines):
     * an Apache-style access line per request, path without query, and ERROR lines. It never
     * holds a password, cookie, Authorization value or query string.
     */
    public List<String> serverLog() {
        return log.lines();
    }

    /** Every request the site answered since it started (the log keeps only the last lines). */
    public long requestCount() {
        return log.requests();
    }

    /** Member sessions opened and not yet ended (logged out), right now. */
    public int liveSessions() {
        return sessions.liveCount();
    }

    /**
     * The editor area's posts, comments and screen setting ({@code /members/manage/}) as canonical
     * text, one line per item, e.g. {@code post 1 "Spring price list" publish},
     * {@code comment 2 by Ann: pending}, {@code setting listMode=list}: two calls return equal
     * text exactly when nothing changed in between, and a diff names the changed items.
     * {@code GET /_demo/state} serves the same, then {@code contact messages: N} and
     * {@code live sessions: N}.
     */
    public String contentState() {
        return content.snapshot();
    }

    /**
     * Every change made to the editor area's content since it started (or was reset), oldest first,
     * e.g. {@code trash post 1}, {@code set comment 2 approved}: also the changes undone later.
     */
    public List<String> contentChanges() {
        return content.journal();
    }

    /** Puts the editor area's content back to its seed, as a fresh site has it. */
    public void resetContent() {
        content.reset();
    }

    /**
     * The contact messages sent so far, oldest first, one line each: name, email and the start of
     * the message, e.g. {@code Ada Tester <ada@example.test>: Checking that the contact form...}.
     */
    public List<String> contactMessages() {
        return inbox.summaries();
    }

    /** Stops the server at once; open connections are dropped. Safe to call twice. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopAnswering();
            executor.shutdownNow();
        }
    }

    /**
     * Runs the site standalone: {@code java [-Ddemo.faults=public-401,...] [-Ddemo.pages=N] [-Ddemo.hostile=true] dev.stagecheck.demo.DemoSite [port]},
     * port 8080 by default.
     */
    public static void main(String[] args) {
        int port;
        Set<Fault> faults;
        int pages;
        boolean hostileOn;
        try {
            port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
            faults = Fault.parse(System.getProperty(DemoSiteProvider.FAULTS_PROPERTY));
            pages = DemoSiteProvider.pagesFrom(System.getProperty(DemoSiteProvider.PAGES_PROPERTY));
            hostileOn = DemoSiteProvider.hostileFrom(System.getProperty(DemoSiteProvider.HOSTILE_PROPERTY));
        } catch (NumberFormatException e) {
            System.err.println("Usage: DemoSite [port]   (not a port: " + args[0] + ")");
            System.exit(2);
            return;
        } catch (IllegalArgumentException | ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        DemoSite site = start(DemoOptions.defaults().withPort(port).withFaults(faults).withPages(pages).withHostile(hostileOn));
        Runtime.getRuntime().addShutdownHook(new Thread(site::close, "demo-site-shutdown"));
        System.out.println("Demo staging site running at " + site.baseUrl());
        System.out.println("  member login: " + DemoCredentials.MEMBER_EMAIL + " at " + site.baseUrl() + "/login");
        System.out.println("  admin (Basic auth): user " + DemoCredentials.ADMIN_USER + " at " + site.baseUrl() + "/admin/");
        System.out.println("  reports (Digest auth): user " + DemoCredentials.REPORTS_USER + " at " + site.baseUrl() + ReportsArea.ROOT + "/");
        System.out.println("  API key header: X-API-Key or Authorization: Bearer, for " + site.baseUrl() + "/api/orders");
        System.out.println("  passwords and the API key: see dev.stagecheck.demo.DemoCredentials");
        System.out.println("  server log: " + site.baseUrl() + ServerLog.PATH);
        System.out.println("  editor area (members): " + site.baseUrl() + ManageArea.ROOT
                + ", its state: " + site.baseUrl() + DemoRoutes.STATE_PATH);
        if (!faults.isEmpty()) {
            System.out.println("  demo faults switched on: " + Fault.keys(faults));
        }
        if (hostileOn) {
            System.out.println("  hostile section (dialogs, pop-ups, a background 401): " + site.baseUrl() + HostilePages.INDEX);
        }
        if (pages > 0) {
            System.out.println("  catalog of " + pages + " generated pages: " + site.baseUrl() + CatalogPages.INDEX);
        }
        System.out.println("Press Ctrl+C to stop.");
        // The server's dispatcher thread is not a daemon, so the JVM keeps serving after main returns.
    }

    /**
     * The JDK server writes headers and body separately; with Nagle's algorithm on, the body
     * waits for the client's delayed ACK (about 40 ms per response), which makes a page with
     * a dozen assets crawl. Read once when the first server starts; an explicit setting wins.
     */
    private static void disableNagleUnlessConfigured() {
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    // Daemon request threads: a test that forgets close() must not keep the JVM alive through them.
    private static ThreadFactory namedDaemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "demo-site-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
