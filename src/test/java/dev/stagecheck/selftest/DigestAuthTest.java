package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.SecretRef;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.demo.DemoCredentials;
import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.demo.Fault;
import dev.stagecheck.pages.SitePage;
import dev.stagecheck.traffic.Challenge;
import dev.stagecheck.traffic.ChallengeCredentials;
import dev.stagecheck.traffic.DigestProbe;
import dev.stagecheck.traffic.HttpProbe;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.ChallengeType;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.AuthChallengeParser;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.auth.DigestScheme;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.ParserCursor;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * HTTP Digest (RFC 7616), end to end on the demo's {@code /reports/}: its server-side check takes a
 * right answer computed by Apache HttpClient 5 (the kit's {@link DigestProbe}) and refuses a wrong
 * password, a replayed answer and an answer for another URL; its challenge carries what RFC 7616
 * requires, and one without a nonce is named as such; and in Chromium the browser answers the
 * challenge itself with the profile's credentials only during the check, only for that area, and
 * keeps no way in for the next test.
 */
public class DigestAuthTest {
    private static final String REPORTS = "/reports/";
    private static final Optional<String> REALM = Optional.of("Reports");

    private DemoSite demo;
    private DigestProbe digest;
    private HttpProbe plain;

    @BeforeClass
    public void demoSite() {
        TargetSite.baseUrl();
        demo = DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
        digest = new DigestProbe(Duration.ofSeconds(5));
        plain = new HttpProbe(Duration.ofSeconds(5));
    }

    @AfterMethod(alwaysRun = true)
    public void noFault() {
        demo.faults(Set.of());
    }

    @AfterClass(alwaysRun = true)
    public void quitBrowsers() {
        BrowserSessions.quitAll();
    }

    @Test(description = "the demo's Digest area lets in a right answer computed by HttpClient 5, and refuses a wrong password")
    public void rightAnswerGetsInOverPlainHttp() {
        var right = digest.get(url(REPORTS), DemoCredentials.REPORTS_USER, DemoCredentials.REPORTS_PASSWORD, REALM);
        assertEquals(right.status(), 200, "the right partner credentials, answered as RFC 7616 Digest, must open " + REPORTS);
        var wrong = digest.get(url(REPORTS), DemoCredentials.REPORTS_USER, "not-the-password", REALM);
        assertEquals(wrong.status(), 401, "a wrong password must be refused");
        assertTrue(wrong.challenges().stream().anyMatch(c -> c.startsWith("Digest ")), "and challenged again: " + wrong.challenges());
        var none = plain.get(url(REPORTS));
        assertEquals(none.status(), 401, "without credentials");
    }

    @Test(description = "the demo's Digest check refuses a replayed answer and an answer made for another URL")
    public void replayAndOtherUrlAreRefused() throws Exception {
        var answer = authorization(REPORTS);
        assertEquals(plain.get(url(REPORTS), Map.of("Authorization", answer)).status(), 200, "a fresh right answer gets in");
        assertEquals(plain.get(url(REPORTS), Map.of("Authorization", answer)).status(), 401,
                "the same answer again (same nonce and request counter) is a replay and must be refused");
        assertEquals(plain.get(url("/reports/q3"), Map.of("Authorization", authorization(REPORTS))).status(), 401,
                "an answer computed for " + REPORTS + " must not open another URL");
    }

    @Test(description = "the Digest challenge carries realm and nonce (RFC 7616); one without a nonce is named")
    public void challengeCarriesRealmAndNonce() throws Exception {
        var challenge = digestChallenge();
        assertEquals(challenge.realm(), REALM, "realm of " + challenge);
        assertTrue(challenge.param("nonce").isPresent(), "nonce of " + challenge);
        assertEquals(challenge.param("qop"), Optional.of("auth"), "qop of " + challenge);
        assertEquals(challenge.param("algorithm"), Optional.of("SHA-256"), "algorithm of " + challenge);
        assertEquals(challenge.missingRequiredParams(), List.of(), "a complete Digest challenge lacks nothing");

        demo.faults(Set.of(Fault.DIGEST_NO_NONCE));
        var broken = digestChallenge();
        assertEquals(broken.missingRequiredParams(), List.of("nonce"), "the challenge of digest-no-nonce: " + broken);
        assertEquals(Challenge.parse("Digest nonce=\"abc\"").get(0).missingRequiredParams(), List.of("realm"), "no realm");
        assertEquals(Challenge.parse("Basic realm=\"x\"").get(0).missingRequiredParams(), List.of(), "Basic needs no nonce");
    }

    @Test(description = "Chromium answers the Digest challenge itself, only during the check, and the next test is a visitor again")
    public void browserAnswersOnlyDuringTheCheck() {
        var settings = Settings.current();
        var session = BrowserSessions.current(settings);
        if (!session.canAnswerChallenges()) {
            throw new SkipException(settings.browser().key() + " cannot be given credentials for a challenge (no DevTools)");
        }
        session.resetForNextTest();
        var page = new SitePage(session, settings.profile().navigation());
        var credentials = ChallengeCredentials.forArea(url(REPORTS), "Digest", REALM, secret("STAGECHECK_DEMO_REPORTS_USER"),
                secret("STAGECHECK_DEMO_REPORTS_PASSWORD"));
        var status = new int[1];
        session.withChallengeCredentials(credentials, () -> status[0] = page.open(url(REPORTS)).status());
        assertEquals(status[0], 200, "the browser, given the partner credentials, must answer the Digest challenge of " + REPORTS);

        session.withChallengeCredentials(credentials, () -> status[0] = page.open(url("/admin/")).status());
        assertEquals(status[0], 401, "credentials for " + REPORTS + " must not be given to /admin/'s Basic challenge");

        // The next test's browser, as ChecklistTest gets it before every test.
        var next = BrowserSessions.current(settings);
        next.resetForNextTest();
        var nextPage = new SitePage(next, settings.profile().navigation());
        int before = demo.serverLog().size();
        assertEquals(nextPage.open(url(REPORTS)).status(), 401, "the next test's browser must not get in by itself (Chromium's auth cache)");
        var asked = demo.serverLog().subList(before, demo.serverLog().size()).stream()
                .filter(line -> line.contains("\"GET " + REPORTS + " ")).toList();
        assertTrue(asked.stream().anyMatch(line -> line.contains("\" 401 ")), "the visitor's request must reach the server: " + asked);

        demo.faults(Set.of(Fault.DIGEST_REFUSES_RIGHT_CREDENTIALS));
        next.withChallengeCredentials(credentials, () -> status[0] = nextPage.open(url(REPORTS)).status());
        assertEquals(status[0], 401, "right credentials the server refuses must end as the 401 they are (not a loop)");
    }

    /** A right Digest Authorization for {@code path}, computed by HttpClient 5 from a fresh challenge of the demo. */
    private String authorization(String path) throws Exception {
        var header = plain.get(url(path)).challenges().get(0);
        var parsed = AuthChallengeParser.INSTANCE.parse(ChallengeType.TARGET, header, new ParserCursor(0, header.length())).get(0);
        var host = HttpHost.create(URI.create(url(path)));
        var context = HttpClientContext.create();
        var scheme = new DigestScheme();
        scheme.processChallenge(parsed, context);
        var credentials = CredentialsProviderBuilder.create().add(new AuthScope(host),
                new UsernamePasswordCredentials(DemoCredentials.REPORTS_USER, DemoCredentials.REPORTS_PASSWORD.toCharArray())).build();
        assertTrue(scheme.isResponseReady(host, credentials, context), "HttpClient 5 should take the demo's challenge: " + header);
        return scheme.generateAuthResponse(host, new BasicHttpRequest("GET", path), context);
    }

    private Challenge digestChallenge() throws Challenge.MalformedChallengeException {
        var answer = plain.get(url(REPORTS));
        assertEquals(answer.status(), 401, REPORTS + " without credentials");
        return Challenge.parseAll(answer.challenges()).stream().filter(c -> c.isScheme("Digest")).findFirst()
                .orElseThrow(() -> new AssertionError("no Digest challenge: " + answer.challenges()));
    }

    private static SecretRef secret(String name) {
        return new SecretRef(name, "protected.2.username.env", "sites/demo.properties");
    }

    private static String url(String path) {
        return TargetSite.resolve(path);
    }
}
