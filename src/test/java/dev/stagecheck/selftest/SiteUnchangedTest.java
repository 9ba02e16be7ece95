package dev.stagecheck.selftest;

import dev.stagecheck.config.BrowserKind;
import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.Settings;
import dev.stagecheck.demo.DemoCredentials;
import dev.stagecheck.demo.DemoSite;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * Rule 1 of the kit, proved on a site that a careless crawler would wreck: the demo's editor area
 * ({@code /members/manage/}) offers WordPress-style GET links that trash, approve, spam, empty the
 * trash, save a screen setting, create drafts and log out. The whole checklist runs against it, as a
 * user runs it ({@code suites/checklist.xml} in a child JVM, signed in for the member crawl), once per
 * browser this machine has; afterwards the site's content must be exactly what it was, apart from
 * what the declared contact form sent, no session the run opened may still be valid, and the crawl's
 * "not visited for safety" list must name the links it kept away from. With every URL re-admitted
 * ({@code crawl.allow=*}; logout links still kept out, so the crawl keeps its session) the same
 * check must fail and name what changed: the proof that it can.
 */
public class SiteUnchangedTest {
    /** Links of the editor area the crawl must list as not visited (the nonce is masked in reports). */
    private static final List<String> DANGEROUS_LINKS = List.of(
            "/members/manage/post.php?post=1&action=trash&_wpnonce=***",
            "/members/manage/comment.php?c=2&action=approvecomment&_wpnonce=***",
            "/members/manage/comment.php?c=1&action=spamcomment&_wpnonce=***",
            "/members/manage/edit.php?post_status=trash&delete_all=1&_wpnonce=***",
            "/members/manage/edit.php?mode=excerpt",
            "/members/manage/post-new.php",
            "/members/manage/logout?_wpnonce=***");
    private static final Pattern RAW_NONCE = Pattern.compile("_wpnonce=[0-9a-f]{4,}");
    /** The run's own contact form check: the only thing it may add to the site. */
    private static final String DECLARED_MESSAGE = "Ada Tester <ada@example.test>:";

    private DemoSite demo;
    private final Map<String, Run> runs = new LinkedHashMap<>();

    /** What one checklist run did to the site. */
    record Run(String browser, long requests, List<String> changes, List<String> actions, List<String> newMessages, int liveSessions,
               List<String> notPassed, String reports, JavaProcess.Result process) {}

    @BeforeClass
    public void startOwnDemoSite() {
        // Its own site, so its content, sessions and request count belong to these runs alone.
        demo = DemoSite.start();
    }

    @AfterClass(alwaysRun = true)
    public void stopDemoSite() {
        if (demo != null) {
            demo.close();
        }
    }

    /** Every browser the kit knows but Chrome (Chromium's engine again): those this machine cannot run skip with the reason. */
    @DataProvider
    public Object[][] browsers() {
        return new Object[][] {{BrowserKind.CHROMIUM}, {BrowserKind.WEBKIT}, {BrowserKind.FIREFOX}, {BrowserKind.EDGE}, {BrowserKind.SAFARI}};
    }

    @Test(dataProvider = "browsers",
            description = "a full signed-in checklist run leaves the site exactly as it was and ends every session it opened, in every browser here")
    public void theChecklistChangesNothing(BrowserKind browser) throws IOException {
        var reason = BrowserSession.unavailable(Settings.current().withBrowser(browser));
        if (reason.isPresent()) {
            throw new SkipException(browser.key() + " cannot run here: " + reason.get());
        }
        assertUnchanged(run(browser.key(), Map.of()));
    }

    @Test(dependsOnMethods = "theChecklistChangesNothing", alwaysRun = true,
            description = "WebKit's witness does not multiply requests: a WebKit run sends at most 1.3 times the requests of a Chromium run")
    public void webKitSendsAtMostOnePointThreeTimesTheRequestsOfChromium() {
        var chromium = runs.get("chromium");
        var webkit = runs.get("webkit");
        if (chromium == null || webkit == null) {
            throw new SkipException("needs a Chromium and a WebKit run of the checklist above (one of them could not run here)");
        }
        var ratio = (double) webkit.requests() / chromium.requests();
        System.out.printf("stagecheck self-test: requests to the site per checklist run: chromium %d, webkit %d (%.2fx)%n",
                chromium.requests(), webkit.requests(), ratio);
        assertTrue(ratio <= 1.3, "a WebKit run sent " + webkit.requests() + " requests, a Chromium run " + chromium.requests()
                + String.format(" (%.2fx, at most 1.3x)", ratio));
    }

    @Test(description = "with every URL re-admitted (crawl.allow=*), the member crawl changes the site and the check names what changed")
    public void withTheSafetyRulesReadmittedTheCheckNamesTheChangedItems() throws IOException {
        var profile = ProjectFiles.projectDir().resolve("target/selftest-site-unchanged/unsafe.properties");
        Files.createDirectories(profile.getParent());
        var demoProfile = Files.readString(ProjectFiles.projectDir().resolve("sites/demo.properties"));
        Files.writeString(profile, demoProfile.replaceAll("(?m)^crawl\\.allow=.*$", "crawl.allow=*")
                // Logout links stay out, or the crawl would end its own session before it reached the editor area.
                .replaceAll("(?m)^never\\.visit=.*$", "never.visit=*/_demo/*,*logout*"));
        try {
            var run = run("unsafe", Map.of("site", profile.toString()));
            assertTrue(!run.actions().isEmpty(), "with crawl.allow=* the member crawl should have changed the demo's content");
            var message = unchangedFailure(run);
            for (var item : List.of("post 1", "comment 2", "listMode", "create post")) {
                assertTrue(message.contains(item), "the failure should name " + item + ": " + message);
            }
            System.out.println("stagecheck self-test: with crawl.allow=* the check fails as it should: " + message);
        } finally {
            demo.resetContent();
        }
    }

    private void assertUnchanged(Run run) {
        var message = unchangedFailure(run);
        assertTrue(message.isEmpty(), message);
        assertTrue(run.notPassed().isEmpty(), run.browser() + ": the checklist should pass on the clean demo: " + run.notPassed()
                + "\n(child output: " + run.process().describe().lines().limit(60).toList() + ")");
        for (var link : DANGEROUS_LINKS) {
            assertTrue(run.reports().contains(link), run.browser() + ": the crawl's 'not visited for safety' list should name " + link);
        }
        var nonce = RAW_NONCE.matcher(run.reports() + run.process().stdout() + run.process().stderr());
        assertTrue(!nonce.find(), run.browser() + ": a nonce appears unmasked in the reports or the console: " + (nonce.find(0) ? nonce.group() : ""));
    }

    /** "" when the run left the site as it found it; else one line per change, naming the item. */
    private static String unchangedFailure(Run run) {
        var problems = new ArrayList<String>();
        if (!run.changes().isEmpty() || !run.actions().isEmpty()) {
            problems.add(run.browser() + ": the checklist changed the site: " + String.join("; ", run.changes())
                    + (run.actions().isEmpty() ? "" : " (changes made, undone ones too: " + String.join(", ", run.actions()) + ")"));
        }
        var undeclared = run.newMessages().stream().filter(message -> !message.startsWith(DECLARED_MESSAGE)).toList();
        if (!undeclared.isEmpty()) {
            problems.add(run.browser() + ": contact messages the profile's form check did not send: " + undeclared);
        }
        if (run.liveSessions() != 0) {
            problems.add(run.browser() + ": " + run.liveSessions() + " sessions the run opened are still valid on the server");
        }
        return String.join("\n", problems);
    }

    /** Runs suites/checklist.xml in a child JVM against this class's demo site and records what it did. */
    private Run run(String name, Map<String, String> properties) throws IOException {
        var output = ProjectFiles.projectDir().resolve("target/selftest-site-unchanged/" + name);
        deleteTree(output);
        var before = demo.contentState();
        var messages = demo.contactMessages().size();
        var journal = demo.contentChanges().size();
        var requests = demo.requestCount();
        var child = JavaProcess.of("org.testng.TestNG")
                .jvmArg("-javaagent:" + JavaProcess.aspectjWeaver())
                .removeEnv(variable -> variable.startsWith("STAGECHECK_"))
                .property("base.url", demo.baseUrl())
                .property("browser", name.equals("unsafe") ? BrowserKind.CHROMIUM.key() : name)
                .property("allure.results.directory", output.resolve("allure-results").toString())
                .property("reports.dir", output.toString())
                .property("sun.net.httpserver.nodelay", "true")
                .env("STAGECHECK_DEMO_USER", DemoCredentials.MEMBER_EMAIL)
                .env("STAGECHECK_DEMO_PASSWORD", DemoCredentials.MEMBER_PASSWORD)
                .env("STAGECHECK_DEMO_STAFF_USER", DemoCredentials.STAFF_EMAIL)
                .env("STAGECHECK_DEMO_STAFF_PASSWORD", DemoCredentials.STAFF_PASSWORD)
                .env("STAGECHECK_DEMO_ADMIN_USER", DemoCredentials.ADMIN_USER)
                .env("STAGECHECK_DEMO_ADMIN_PASSWORD", DemoCredentials.ADMIN_PASSWORD)
                .env("STAGECHECK_DEMO_REPORTS_USER", DemoCredentials.REPORTS_USER)
                .env("STAGECHECK_DEMO_REPORTS_PASSWORD", DemoCredentials.REPORTS_PASSWORD)
                .env("STAGECHECK_DEMO_API_KEY", DemoCredentials.API_KEY)
                .env("STAGECHECK_DEMO_STOCK_KEY", DemoCredentials.STOCK_CREDENTIALS)
                .workDir(ProjectFiles.projectDir())
                .timeout(Duration.ofMinutes(10));
        properties.forEach(child::property);
        var process = child.args("-d", output.resolve("testng").toString(), "suites/checklist.xml").run();
        var sent = demo.requestCount() - requests;
        var results = output.resolve("testng/testng-results.xml");
        assertTrue(Files.isRegularFile(results), name + ": the child run wrote no testng-results.xml:" + process.describe());
        var notPassed = TestNgResults.read(results).byTest().values().stream().flatMap(List::stream)
                .filter(method -> !method.config() && !method.is("PASS"))
                .map(method -> method.name() + " " + method.status() + ": " + method.message()).toList();
        var added = demo.contactMessages();
        var actions = demo.contentChanges();
        var run = new Run(name, sent, changes(before, demo.contentState()), actions.subList(Math.min(journal, actions.size()), actions.size()),
                added.subList(Math.min(messages, added.size()), added.size()),
                demo.liveSessions(), notPassed, readAll(output.resolve("allure-results")), process);
        runs.put(name, run);
        System.out.println("stagecheck self-test: " + name + " checklist run: " + sent + " requests to the site, "
                + run.changes().size() + " changes, " + run.liveSessions() + " sessions left");
        return run;
    }

    /** The items whose line differs between two content snapshots, e.g. {@code post 1 "Spring price list" publish -> trash}. */
    static List<String> changes(String before, String after) {
        var old = byItem(before);
        var now = byItem(after);
        var changes = new ArrayList<String>();
        old.forEach((item, line) -> {
            var current = now.get(item);
            if (current == null) {
                changes.add(line + " -> gone");
            } else if (!current.equals(line)) {
                changes.add(line + " -> " + current.substring(current.lastIndexOf(' ') + 1));
            }
        });
        now.forEach((item, line) -> {
            if (!old.containsKey(item)) {
                changes.add("new: " + line);
            }
        });
        return changes;
    }

    /** Snapshot lines by item: "post 1", "comment 2", "setting listMode". */
    private static Map<String, String> byItem(String snapshot) {
        var items = new LinkedHashMap<String, String>();
        snapshot.lines().filter(line -> !line.isBlank()).forEach(line -> {
            var words = line.split("[ =]");
            items.put(words[0] + " " + words[1], line);
        });
        return items;
    }

    private static String readAll(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        var text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (var file : files.filter(f -> f.toString().matches(".*\\.(txt|json|tsv|csv)$")).sorted().toList()) {
                text.append(Files.readString(file)).append('\n');
            }
        }
        return text.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
