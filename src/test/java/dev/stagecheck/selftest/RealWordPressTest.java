package dev.stagecheck.selftest;

import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.wordpress.AbandonedSite;
import dev.stagecheck.wordpress.DatabaseSnapshot;
import dev.stagecheck.wordpress.WordPressSite;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * The WordPress profile, proven on a real WordPress: Debian 12's own packages (installed as root,
 * else every test here skips with the reason), a real MariaDB, content of the test's own. The whole
 * checklist (suites/checklist.xml, in a child JVM as `mvn test` runs it) with sites/wordpress.properties
 * must be green on the healthy site without changing it, and must catch three breakages an
 * administrator really makes, each by kind and URL: a whole-site .htaccess lock, a must-use plugin
 * that answers the login POST with 401, a page whose template crashes, editors given an
 * administrator's capability, and a logout that leaves the session alive on the server.
 */
public class RealWordPressTest {
    /**
     * Rows WordPress itself rewrites when anyone looks at it: caches (transients, a taxonomy's cached
     * tree such as category_children), its job schedule, an application password's last use.
     */
    private static final Pattern BOOKKEEPING = Pattern.compile(
            "^INSERT INTO `wp_options` VALUES \\(\\d+,'(?:(?:_site)?_transient_[^']*|[a-z_]+_children|cron)',.*"
                    + "|^INSERT INTO `wp_usermeta` VALUES \\(\\d+,\\d+,'_application_passwords',.*");
    private static final Pattern RUN_ID = Pattern.compile("stagecheck run (\\d{8}-\\d{6}-[a-z0-9]+)");

    private WordPressSite site;
    private Path output;

    /** What one checklist run against the site did. */
    private record Run(JavaProcess.Result process, TestNgResults results) {
        List<TestNgResults.Method> tests() {
            return results.byTest().values().stream().flatMap(List::stream).filter(method -> !method.config()).toList();
        }

        /** The console lines and failure messages that name this kind of finding on this URL. */
        List<String> lines(FindingKind kind, String url) {
            var text = new StringBuilder(process.stdout()).append('\n');
            tests().forEach(method -> text.append(method.message()).append('\n'));
            return text.toString().lines().filter(line -> line.contains(kind.label()) && line.contains(url)).toList();
        }
    }

    @BeforeClass
    public void startWordPress() {
        output = ScratchFolders.newFolder("wordpress-");
        site = WordPressSite.start();
    }

    @AfterClass(alwaysRun = true)
    public void stopWordPress() throws IOException {
        if (site != null) {
            site.close();
        }
        if (output != null) {
            ProjectFiles.deleteRecursively(output);
        }
    }

    @Test(description = "what a killed run left behind (Apache, database, host config, folder) is removed when the next site starts, and only that")
    public void aKilledRunsLeftoversAreRemovedAtTheNextStart() {
        var killed = JavaProcess.of(AbandonedSite.class.getName()).timeout(Duration.ofMinutes(3)).run();
        var left = AbandonedSite.remains(killed.stdout());
        assertTrue(left.size() == 4, "the killed run should have left its site behind, as kill -9 does: " + left + killed.describe());
        try (var next = WordPressSite.start()) {
            assertEquals(AbandonedSite.remains(killed.stdout()), List.of(), "the next start should remove the killed run's site");
            // The class's own site belongs to a JVM that still runs: its folder and database must be untouched.
            assertTrue(Files.exists(site.accessLog()), "the next start removed the folder of a site whose JVM still runs");
            assertTrue(site.snapshot().rows() > 0, "the next start emptied the database of a site whose JVM still runs");
        }
    }

    @Test(description = "the healthy WordPress is green in every checklist area, its accepted broken link reported as accepted, and nothing in its database changed but the comment the form check posted")
    public void healthySiteIsGreenAndUnchanged() throws IOException {
        var before = site.snapshot();
        var run = checklist("healthy");
        var after = site.snapshot();

        var notPassed = run.tests().stream().filter(method -> !method.is("PASS")).map(method -> method.name() + " " + method.status() + ": " + method.message()).toList();
        assertTrue(notPassed.isEmpty() && run.process().exitCode() == 0, "the healthy WordPress must be green:\n" + String.join("\n", notPassed) + run.process().describe());
        var ran = run.tests().stream().map(method -> method.name().substring(0, method.name().indexOf('.'))).distinct().toList();
        for (var area : checklistClasses()) {
            assertTrue(ran.contains(area), "checklist area " + area + " did not run against WordPress; ran: " + ran);
        }
        assertTrue(run.process().stdout().contains("accepted: Broken link " + site.baseUrl() + "/discontinued-catalogue-2019/"),
                "the About page's link to the removed catalogue should be listed as accepted:" + run.process().describe());

        var log = Files.readString(site.accessLog());
        assertTrue(Pattern.compile("\"GET /members/ HTTP/1\\.1\" 200").matcher(log).find() && log.contains(" member [")
                        && Pattern.compile(" clerk \\[[^]]*] \"GET /minutes/ HTTP/1\\.1\" 200").matcher(log).find(),
                "Apache's log should show the Basic area letting 'member' in and the Digest area letting 'clerk' in");

        var changes = before.changesTo(after).stream().filter(change -> !BOOKKEEPING.matcher(change.row()).matches()).toList();
        var comments = changes.stream().filter(change -> change.table().equals("wp_comments") && change.added()).toList();
        var rest = changes.stream().filter(change -> !comments.contains(change)).map(DatabaseSnapshot.Change::toString).toList();
        assertEquals(comments.size(), 1, "the form check should have posted exactly one comment: " + comments);
        assertTrue(RUN_ID.matcher(comments.get(0).row()).find(), "the comment should carry this run's id (${run}): " + comments.get(0));
        assertTrue(rest.isEmpty(), "the checklist changed WordPress's database beyond its one comment:\n" + String.join("\n", rest));
    }

    @Test(dependsOnMethods = "healthySiteIsGreenAndUnchanged", description = "a staging lock left on for everyone (.htaccess) is an Unexpected 401 on the home page")
    public void wholeSiteLockIsCaught() {
        site.htaccess().lockWholeSite();
        try {
            assertCaught(checklist("whole-site-lock"), FindingKind.UNEXPECTED_401, site.baseUrl() + "/");
        } finally {
            site.htaccess().unlockWholeSite();
        }
    }

    /**
     * Two breakages of different parts in one run (the budget allows four checklist runs): each must
     * be caught on its own, by kind and URL, whatever the other one does.
     */
    @Test(dependsOnMethods = "healthySiteIsGreenAndUnchanged",
            description = "a must-use plugin answering the login POST with 401, and a page whose template crashes, are each caught: Unexpected 401 on wp-login.php, Server error on the page")
    public void login401AndCrashingPageAreCaught() {
        site.mustUsePlugins().refuseLoginPosts();
        site.mustUsePlugins().crashPage("about-us");
        try {
            var run = checklist("login-401-and-page-500");
            assertCaught(run, FindingKind.UNEXPECTED_401, site.baseUrl() + "/wp-login.php");
            assertCaught(run, FindingKind.SERVER_ERROR, site.baseUrl() + "/about-us/");
        } finally {
            site.mustUsePlugins().removeAll();
        }
    }

    @Test(dependsOnMethods = "healthySiteIsGreenAndUnchanged",
            description = "editors given an administrator's capability are a Wrong access on the Settings screens, and a logout that leaves the session alive is a Stale session")
    public void wrongRoleAndUndeadSessionAreCaught() {
        site.mustUsePlugins().grantEditorsManageOptions();
        site.mustUsePlugins().keepSessionsAtLogout();
        try {
            var run = checklist("role-and-session");
            assertCaught(run, FindingKind.WRONG_ACCESS, "editor GET /wp-admin/options-general.php expected 403, got 200");
            // No row names the Writing screen: only the search of the Settings area (access.12.area) finds it.
            assertCaught(run, FindingKind.WRONG_ACCESS, "editor GET /wp-admin/options-writing.php expected 403, got 200");
            assertCaught(run, FindingKind.STALE_SESSION, site.baseUrl() + "/wp-admin/profile.php");
        } finally {
            site.mustUsePlugins().removeAll();
        }
    }

    private static void assertCaught(Run run, FindingKind kind, String url) {
        assertTrue(run.process().exitCode() != 0, "the checklist should fail on the broken WordPress:" + run.process().describe());
        assertTrue(!run.lines(kind, url).isEmpty(), "expected a finding '" + kind.label() + "' on " + url + ", the run said:\n"
                + String.join("\n", run.tests().stream().filter(method -> method.is("FAIL")).map(method -> method.name() + ": " + method.message()).toList())
                + run.process().describe());
    }

    /** The checklist in a child JVM, as `mvn test -Dbase.url=... -Dsite=sites/wordpress.properties` runs it. */
    private Run checklist(String name) {
        var dir = output.resolve(name);
        var credentials = Map.of("STAGECHECK_WP_USER", "editor.user", "STAGECHECK_WP_PASSWORD", "editor.password",
                "STAGECHECK_WP_MEMBERS_USER", "members.user", "STAGECHECK_WP_MEMBERS_PASSWORD", "members.password",
                "STAGECHECK_WP_MINUTES_USER", "minutes.user", "STAGECHECK_WP_MINUTES_PASSWORD", "minutes.password",
                "STAGECHECK_WP_APP_KEY", "editor.app.key", "STAGECHECK_WP_ADMIN_USER", "admin.user", "STAGECHECK_WP_ADMIN_PASSWORD", "admin.password");
        var child = JavaProcess.of("org.testng.TestNG")
                .jvmArg("-javaagent:" + JavaProcess.aspectjWeaver())
                .removeEnv(variable -> variable.startsWith("STAGECHECK_"))
                .property("base.url", site.baseUrl())
                .property("site", "sites/wordpress.properties")
                // The profile's ADAPT line names Debian's log; this Apache writes its own.
                .property("server.log.file", site.accessLog().toString())
                // The footer's wordpress.org link is outside this test: a CI machine may resolve it and still not reach it.
                .property("crawl.external", "false")
                .property("webhook.url", "off")
                .property("allure.results.directory", dir.resolve("allure-results").toString())
                .property("reports.dir", dir.toString())
                .workDir(ProjectFiles.projectDir())
                .timeout(Duration.ofMinutes(6))
                .args("-d", dir.resolve("testng").toString(), ProjectFiles.projectDir().resolve("suites/checklist.xml").toString());
        credentials.forEach((variable, secret) -> child.env(variable, site.secret(secret)));
        var process = child.run();
        try {
            return new Run(process, TestNgResults.read(dir.resolve("testng").resolve("testng-results.xml")));
        } catch (IOException e) {
            throw new AssertionError("the checklist left no TestNG results in " + dir + ": " + e.getMessage() + process.describe(), e);
        }
    }

    private static List<String> checklistClasses() throws IOException {
        var suite = Files.readString(ProjectFiles.projectDir().resolve("suites/checklist.xml"));
        var classes = new ArrayList<String>();
        var matcher = Pattern.compile("<class name=\"[\\w.]+\\.(\\w+)\"").matcher(suite);
        while (matcher.find()) {
            classes.add(matcher.group(1));
        }
        return classes;
    }
}
