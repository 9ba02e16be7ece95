package dev.stagecheck.selftest;

import dev.stagecheck.crawl.PageRecord;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.ResponseRule;
import org.testng.annotations.Test;

import java.util.List;
import java.util.Optional;

import static dev.stagecheck.selftest.Exchanges.failed;
import static dev.stagecheck.selftest.Exchanges.page;
import static dev.stagecheck.selftest.Exchanges.resource;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** {@link ResponseRule}: the one rule of which answer is a problem, that every check asks. */
public class ResponseRuleTest {
    private final ResponseRule rule = ResponseRule.expecting(List.of("http://h/admin/", "http://h/api/orders"), List.of("http://h/staff"));

    @Test
    public void lockOutsAreUndeclared401sAndServerErrorsOnly() {
        var traffic = List.of(page("http://h/admin/", 401), page("http://h/secret", 401), page("http://h/", 200),
                resource("http://h/api/orders", 401, "Fetch"), resource("http://h/api/users", 401, "Fetch"),
                page("http://h/boom", 500), resource("http://h/app.js", 503, "Script"),
                page("http://h/missing", 404), page("http://h/staff", 403), failed("http://h/down"));
        assertEquals(urls(rule.lockOuts(traffic)), List.of("http://h/secret", "http://h/api/users", "http://h/boom", "http://h/app.js"),
                "only undeclared 401s and 5xx fail every test (not 404, not 403, not a response that never came)");
        assertEquals(kinds(rule.lockOuts(traffic)),
                List.of(FindingKind.UNEXPECTED_401, FindingKind.UNEXPECTED_401, FindingKind.SERVER_ERROR, FindingKind.SERVER_ERROR));
    }

    @Test
    public void aTestsOwnDeclarationsAddToTheProfiles() {
        var traffic = List.of(page("http://h/secret", 401), page("http://h/admin/", 401));
        assertEquals(rule.with401s(List.of("http://user:pw@h/secret")).lockOuts(traffic), List.of(),
                "a URL declared with user:pass@ matches the 401 recorded without them");
        assertEquals(urls(rule.lockOuts(traffic)), List.of("http://h/secret"), "the rule itself is not changed by with401s");
    }

    @Test
    public void exchangesRecordedWithCredentialsMatchTheirDeclaration() {
        assertEquals(rule.lockOuts(List.of(page("http://admin:pw@h/admin/", 401))), List.of());
    }

    @Test
    public void pageAnswersNameTheirKind() {
        assertEquals(kind(rule.page("http://h/secret", "", 401, Optional.empty(), List.of())), "Unexpected 401");
        assertEquals(kind(rule.page("http://h/admin/", "", 401, Optional.empty(), List.of())), "none", "declared 401");
        assertEquals(kind(rule.page("http://h/other", "", 403, Optional.empty(), List.of())), "Unexpected 403");
        assertEquals(kind(rule.page("http://h/staff", "", 403, Optional.empty(), List.of())), "none", "declared forbidden");
        assertEquals(kind(rule.page("http://h/gone", "", 410, Optional.empty(), List.of())), "Broken link");
        assertEquals(kind(rule.page("http://h/bad", "", 400, Optional.empty(), List.of())), "Broken page");
        assertEquals(kind(rule.page("http://h/boom", "", 502, Optional.empty(), List.of())), "Server error");
        assertEquals(kind(rule.page("http://h/", "", 200, Optional.empty(), List.of())), "none");
        assertEquals(kind(rule.page("http://h/moved", "", 302, Optional.empty(), List.of())), "none");
        assertEquals(kind(rule.page("http://h/loop", "", 0, Optional.of("net::ERR_TOO_MANY_REDIRECTS"), List.of())), "Redirect loop");
        assertEquals(kind(rule.page("http://h/down", "", 0, Optional.of("net::ERR_CONNECTION_REFUSED"), List.of())), "Broken page");
        assertEquals(kind(rule.page("http://h/sent", "", 0, Optional.of(Exchange.UNKNOWN + "POST result"), List.of())), "none",
                "a POST's answer only the browser saw is not judged");
    }

    @Test
    public void aRefusedPageIsNoFinding() {
        var refused = new PageRecord("http://h/wp-login.php?action=logout", "http://h/", 1, 0,
                Optional.of(dev.stagecheck.safety.Refusal.NOTE + "action=logout"), List.of(), "", 0, 0, List.of(), List.of(), 0);
        assertEquals(rule.page(refused), Optional.empty(), "a page the kit did not open is listed, never a finding");
    }

    @Test
    public void theChallengeIsPartOfTheEvidence() {
        var finding = rule.page("http://h/secret", "http://h/", 401, Optional.empty(), List.of("Basic realm=\"x\"")).orElseThrow();
        assertTrue(finding.line().startsWith("Unexpected 401: http://h/secret (from http://h/) document answered 401"), finding.line());
        assertTrue(finding.line().contains("Basic realm=\"x\""), finding.line());
        var bare = rule.resource(resource("http://h/api/users", 401, "Fetch"), "http://h/").orElseThrow();
        assertTrue(bare.evidence().endsWith("with no WWW-Authenticate challenge"), bare.evidence());
    }

    @Test
    public void logLinesOfExpected401sAreLeftOut() {
        assertTrue(rule.expectsLogged401("\"GET /admin/ HTTP/1.1\" 401 239"));
        assertTrue(rule.expectsLogged401("\"GET /api/orders?page=2 HTTP/1.1\" 401 12"));
        assertTrue(!rule.expectsLogged401("\"GET /admin/users HTTP/1.1\" 401 239"), "a longer path is another URL");
        assertTrue(!rule.expectsLogged401("\"GET /company/press HTTP/1.1\" 401 239"));
        assertTrue(!rule.expectsLogged401("\"GET /old/admin/ HTTP/1.1\" 401 239"), "a path that ends like it is another URL");
        assertTrue(rule.expectsLogged401("\"GET http://127.0.0.1:8080/admin/ HTTP/1.1\" 401 239"), "a proxy logs the whole URL");
    }

    @Test(description = "an expected 401 on the home page excuses the home page's log lines, not every path that ends in a slash")
    public void anExpected401OnTheHomePageExcusesOnlyIt() {
        var home = ResponseRule.expecting(List.of("http://h/"), List.of());
        assertTrue(home.expectsLogged401("\"GET / HTTP/1.1\" 401 239"));
        assertTrue(home.expectsLogged401("\"GET /?page=2 HTTP/1.1\" 401 239"));
        assertTrue(!home.expectsLogged401("\"GET /members/ HTTP/1.1\" 401 239"), "another page's 401 is still a finding");
    }

    private static String kind(Optional<Finding> finding) {
        return finding.map(f -> f.kind().label()).orElse("none");
    }

    private static List<FindingKind> kinds(List<Finding> findings) {
        return findings.stream().map(Finding::kind).toList();
    }

    private static List<String> urls(List<Finding> findings) {
        return findings.stream().map(Finding::url).toList();
    }
}
