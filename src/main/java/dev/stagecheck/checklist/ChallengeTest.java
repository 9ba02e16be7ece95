package dev.stagecheck.checklist;

import dev.stagecheck.config.ExpectedChallenge;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.SiteProfile.ApiEndpoint;
import dev.stagecheck.config.SiteProfile.ProtectedUrl;
import dev.stagecheck.pages.LoginPage;
import dev.stagecheck.pages.PageVisit;
import dev.stagecheck.pages.SitePage;
import dev.stagecheck.report.Warnings;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.traffic.Challenge;
import dev.stagecheck.traffic.ChallengeCredentials;
import dev.stagecheck.traffic.HttpProbe;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import org.testng.SkipException;
import org.testng.annotations.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guide's "troubleshoot the code": protected URLs challenge correctly, the right credentials
 * get in, 403 and 401 are not confused, and API keys are checked.
 */
@Feature("Challenge")
public class ChallengeTest extends ChecklistTest {

    @Test(description = "Each protected URL, without credentials, answers 401 with a well-formed WWW-Authenticate challenge")
    @Story("401 with the right challenge")
    public void protectedUrlsChallengeWithoutCredentials() {
        var problems = new ArrayList<String>();
        for (var target : protectedUrls()) {
            var address = url(target.url());
            session.traffic().expectUnauthorized(address);
            var visit = Allure.step("Open " + address + " without credentials",
                    () -> new SitePage(session, profile.navigation()).open(address));
            if (visit.status() >= 200 && visit.status() < 300) {
                problems.add(FindingKind.NOT_PROTECTED.message(address + " answered " + visit.status()
                        + " without credentials: anyone gets in"));
                continue;
            }
            if (visit.status() != target.expectedStatus()) {
                problems.add(FindingKind.WRONG_CHALLENGE.message(address + " without credentials answered " + visit.statusText()
                        + ", expected " + target.expectedStatus()));
                continue;
            }
            var headers = visit.response().map(r -> r.challenges()).orElse(List.of());
            problemWithChallenge(address, headers, target.challenge()).ifPresent(problems::add);
            if (headers.isEmpty() && target.challenge().none()) {
                warnNoChallenge(address, List.of("without credentials"));
            }
        }
        failIfAny(problems);
    }

    @Test(description = "Each protected URL lets the right credentials in (200)")
    @Story("Right credentials get in")
    public void protectedUrlsLetTheRightCredentialsIn() {
        var problems = new ArrayList<String>();
        var notInThisBrowser = new ArrayList<String>();
        var checked = 0;
        for (var target : protectedUrls()) {
            var address = url(target.url());
            var authorization = switch (target.auth()) {
                case "basic" -> Optional.of("Basic " + Base64.getEncoder().encodeToString(
                        (target.username().orElseThrow().value() + ":" + target.password().orElseThrow().value())
                                .getBytes(StandardCharsets.UTF_8)));
                case "bearer" -> Optional.of("Bearer " + target.token().orElseThrow().value());
                default -> Optional.<String>empty();
            };
            if (authorization.isEmpty() && !target.auth().equals("digest")) {
                continue;
            }
            var visits = new PageVisit[1];
            if (target.auth().equals("digest")) {
                // A Digest answer needs the server's nonce: the browser itself must answer the challenge.
                if (!session.canAnswerChallenges()) {
                    notInThisBrowser.add(address + " (digest: the browser is not given the challenge, which would open a login dialog)");
                    continue;
                }
                var credentials = ChallengeCredentials.forArea(address, "Digest", target.challenge().realm(),
                        target.username().orElseThrow(), target.password().orElseThrow());
                Allure.step("Open " + address + " with the profile's credentials, the browser answering the Digest challenge", () ->
                        session.withChallengeCredentials(credentials,
                                () -> visits[0] = new SitePage(session, profile.navigation()).open(address)));
            } else if (session.canSendHeaders()) {
                Allure.step("Open " + address + " with the profile's credentials", () ->
                        session.withExtraHeaders(Map.of("Authorization", authorization.get()),
                                () -> visits[0] = new SitePage(session, profile.navigation()).open(address)));
            } else if (target.auth().equals("basic")) {
                // No way to add a header here (no DevTools): a browser takes Basic credentials from the URL.
                visits[0] = new SitePage(session, profile.navigation())
                        .openWithBasicCredentials(address, target.username().orElseThrow(), target.password().orElseThrow());
            } else {
                notInThisBrowser.add(address + " (" + target.auth() + ")");
                continue;
            }
            checked++;
            var visit = visits[0];
            if (visit.status() == 401) {
                problems.add(FindingKind.UNEXPECTED_401.message(address + " still answers 401 with the right credentials"
                        + visit.response().filter(r -> !r.challenges().isEmpty()).map(r -> " (challenge: " + r.challengeText() + ")").orElse("")));
            } else if (visit.status() < 200 || visit.status() >= 300) {
                problems.add(FindingKind.BROKEN_PAGE.message(address + " with the right credentials answered " + visit.statusText() + ", expected 200"));
            }
        }
        failIfAny(problems);
        if (!notInThisBrowser.isEmpty()) {
            var reason = session.settings().browser().key() + " cannot add an Authorization header nor answer a Digest challenge"
                    + " without DevTools, so " + String.join(", ", notInThisBrowser) + " cannot be opened with credentials here (Chromium checks them)";
            if (checked == 0) {
                throw new SkipException(reason);
            }
            Allure.addAttachment("Not checked in this browser", "text/plain", reason, ".txt");
        }
    }

    @Test(description = "Each forbidden URL answers 403 to a signed-in user without the role, never 401")
    @Story("403 and 401 are not confused")
    public void forbiddenUrlsAnswer403Not401() {
        if (profile.forbiddenUrls().isEmpty()) {
            throw new SkipException("the site profile " + profile.file() + " lists no forbidden URL: set forbidden.1.url to check one");
        }
        var problems = new ArrayList<String>();
        for (var target : profile.forbiddenUrls()) {
            var address = url(target.url());
            if (target.asMember()) {
                var login = profile.login().orElseThrow();
                var page = new LoginPage(session, login);
                page.open();
                page.loginAs(login.username(), login.password());
                if (!page.showsLoggedIn()) {
                    problems.add(FindingKind.BROKEN_PAGE.message("could not log in to check " + address + " as a member"));
                    continue;
                }
            }
            session.traffic().expectUnauthorized(address);
            var visit = Allure.step("Open " + address + (target.asMember() ? " as a member" : ""),
                    () -> new SitePage(session, profile.navigation()).open(address));
            if (visit.status() == 401) {
                problems.add(FindingKind.UNEXPECTED_401.message(address + " answered 401 where 403 is due: the user is known"
                        + " but lacks the right, so the answer is 403 Forbidden, not a new login challenge"));
            } else if (visit.status() != 403) {
                problems.add(FindingKind.BROKEN_PAGE.message(address + " answered " + visit.statusText() + ", expected 403"));
            }
        }
        failIfAny(problems);
    }

    @Test(description = "Each API endpoint refuses a missing or wrong key with 401 and a challenge, and accepts the right key")
    @Story("API keys are checked")
    public void apiEndpointsCheckTheirKey() {
        if (profile.apiEndpoints().isEmpty()) {
            throw new SkipException("the site profile " + profile.file() + " lists no API endpoint: set api.1.url to check one");
        }
        var probe = new HttpProbe(Settings.current().httpTimeout());
        var problems = new ArrayList<String>();
        var log = new StringBuilder(String.format("%-8s %-6s %-60s %s%n", "key", "status", "url", "WWW-Authenticate"));
        for (var api : profile.apiEndpoints()) {
            var address = url(api.url());
            var none = Allure.step("GET " + address + " without a key", () -> probe.get(address));
            var wrong = Allure.step("GET " + address + " with a wrong key", () -> probe.get(address, keyHeader(api, "wrong-" + System.nanoTime())));
            var right = Allure.step("GET " + address + " with the right key", () -> probe.get(address, keyHeader(api, api.key().value())));
            for (var answer : List.of(Map.entry("none", none), Map.entry("wrong", wrong), Map.entry("right", right))) {
                log.append(String.format("%-8s %-6d %-60s %s%n", answer.getKey(), answer.getValue().status(), address,
                        Challenge.shown(answer.getValue().challenges())));
            }
            var withoutChallenge = new ArrayList<String>();
            for (var refused : List.of(Map.entry("without a key", none), Map.entry("with a wrong key", wrong))) {
                var answer = refused.getValue();
                if (answer.status() == 401 && answer.challenges().isEmpty() && api.challenge().none()) {
                    withoutChallenge.add(refused.getKey());
                }
                if (answer.status() != 401) {
                    var kind = answer.status() / 100 == 2 ? FindingKind.NOT_PROTECTED : FindingKind.BROKEN_PAGE;
                    problems.add(kind.message(address + " " + refused.getKey() + " answered " + answer.status() + ", expected 401"));
                    continue;
                }
                problemWithChallenge(address + " " + refused.getKey(), answer.challenges(), api.challenge()).ifPresent(problems::add);
            }
            if (!withoutChallenge.isEmpty()) {
                warnNoChallenge(address, withoutChallenge);
            }
            if (right.status() == 401) {
                problems.add(FindingKind.UNEXPECTED_401.message(address + " refuses the right API key with 401"));
            } else if (right.status() != 200) {
                problems.add(FindingKind.BROKEN_PAGE.message(address + " with the right key answered " + right.status() + ", expected 200"));
            }
        }
        Allure.addAttachment("API answers (plain HTTP)", "text/plain", log.toString(), ".txt");
        failIfAny(problems);
    }

    /**
     * The guide's checks of a challenge: present, parseable (RFC 9110), the expected scheme, and the
     * expected realm. A 401 without any challenge where the profile expects none is accepted, with a warning.
     */
    static Optional<String> problemWithChallenge(String where, List<String> headers, ExpectedChallenge expected) {
        if (headers.isEmpty() && expected.none()) {
            return Optional.empty(); // The caller warns, once per URL.
        }
        if (headers.isEmpty()) {
            return Optional.of(FindingKind.WRONG_CHALLENGE.message(where + " answered 401 without a WWW-Authenticate header"
                    + " (RFC 9110 requires one; browsers and clients cannot know how to log in): send " + expected.describe()
                    + ", or set the profile's challenge to none if the site is meant to send none"));
        }
        List<Challenge> challenges;
        try {
            challenges = Challenge.parseAll(headers);
        } catch (Challenge.MalformedChallengeException e) {
            return Optional.of(FindingKind.WRONG_CHALLENGE.message(where + ": " + e.getMessage()));
        }
        if (expected.none()) {
            return Optional.empty(); // A challenge where none was promised only helps clients.
        }
        var scheme = expected.scheme().orElseThrow();
        var realm = expected.realm();
        var header = Challenge.shown(headers);
        var matching = challenges.stream().filter(c -> c.isScheme(scheme)).findFirst();
        if (matching.isEmpty()) {
            return Optional.of(FindingKind.WRONG_CHALLENGE.message(where + " answered 401 challenging with " + header
                    + ", expected scheme " + scheme));
        }
        var challenge = matching.get();
        if (challenge.isScheme("Basic") && challenge.realm().isEmpty()) {
            return Optional.of(FindingKind.WRONG_CHALLENGE.message(where + " sends a Basic challenge without a realm (RFC 7617 requires one): " + header));
        }
        if (!challenge.missingRequiredParams().isEmpty()) {
            return Optional.of(FindingKind.WRONG_CHALLENGE.message(where + " sends a " + challenge.scheme() + " challenge without "
                    + String.join(" and ", challenge.missingRequiredParams()) + " (RFC 7616 requires realm and nonce; no browser can answer it): " + header));
        }
        if (realm.isPresent() && !realm.get().equals(challenge.realm().orElse(null))) {
            return Optional.of(FindingKind.WRONG_CHALLENGE.message(where + " answered 401 challenging with realm "
                    + challenge.realm().map(r -> "\"" + r + "\"").orElse("(none)") + ", expected \"" + realm.get() + "\""));
        }
        return Optional.empty();
    }

    /** A 401 without any challenge where the profile says the site sends none: accepted, and said on every run. */
    private static void warnNoChallenge(String address, List<String> when) {
        Warnings.warn(address + " answered 401 without a WWW-Authenticate header (" + String.join(", ", when) + "): accepted because"
                + " the profile expects no challenge there (challenge=none), but RFC 9110 requires one, and clients cannot know how to log in");
    }

    private List<ProtectedUrl> protectedUrls() {
        if (profile.protectedUrls().isEmpty()) {
            throw new SkipException("the site profile " + profile.file() + " lists no protected URL: set protected.1.url to check one");
        }
        return profile.protectedUrls();
    }

    /**
     * The key as the API wants it: after its scheme word in an Authorization header, alone in any
     * other header. With Basic the key is user:password, sent base64-encoded as RFC 7617 says.
     */
    private static Map<String, String> keyHeader(ApiEndpoint api, String key) {
        var value = api.keyScheme()
                .map(scheme -> scheme + " " + (scheme.equalsIgnoreCase("Basic")
                        ? Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)) : key))
                .orElse(key);
        return Map.of(api.keyHeader(), value);
    }

    private static void failIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problem(s):\n" + String.join("\n", problems));
        }
    }
}
