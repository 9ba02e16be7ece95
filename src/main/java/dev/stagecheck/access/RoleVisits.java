package dev.stagecheck.access;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.AccessRule;
import dev.stagecheck.config.Role;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.pages.LoginPage;
import dev.stagecheck.pages.SitePage;
import dev.stagecheck.traffic.ChallengeCredentials;
import dev.stagecheck.traffic.DigestProbe;
import dev.stagecheck.traffic.HttpProbe;
import io.qameta.allure.Allure;
import org.openqa.selenium.Cookie;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The matrix's cells of one role: signs in once (the login form, or credentials every request
 * carries), opens each of the role's URLs in this browser, asks each API over plain HTTP with the
 * same credentials, and says what each answered. The browser is the caller's, reset before the role:
 * a role's cookies and headers never reach another role's cells.
 */
public final class RoleVisits {
    private final BrowserSession session;
    private final SiteProfile profile;
    private final HttpProbe probe;
    private final DigestProbe digestProbe;

    /** A role that could not sign in: its one line, instead of a wall of cells. */
    public static final class SignInFailed extends RuntimeException {
        SignInFailed(String line) {
            super(line, null, false, false);
        }
    }

    public RoleVisits(BrowserSession session, SiteProfile profile, HttpProbe probe) {
        this.session = session;
        this.profile = profile;
        this.probe = probe;
        this.digestProbe = new DigestProbe(session.settings().httpTimeout());
    }

    /** The cells of {@code role} (empty: the visitor) in {@code rows}; a sign-in that fails is thrown as {@link SignInFailed}. */
    public List<AccessCell> visit(String name, Optional<Role> role, List<AccessRule> rows) {
        var cells = new ArrayList<AccessCell>();
        role.filter(r -> r.auth() == Role.Auth.FORM).ifPresent(this::signIn);
        role.filter(r -> r.auth() == Role.Auth.COOKIE).ifPresent(this::setCookie);
        var headers = role.map(RoleVisits::headers).orElse(Map.of());
        var inBrowser = rows.stream().filter(row -> !row.api()).toList();
        var digest = role.filter(r -> r.auth() == Role.Auth.DIGEST);
        if (digest.isPresent() && !session.canAnswerChallenges()) {
            var why = session.settings().browser().key() + " cannot answer the site's Digest challenge with the role's credentials"
                    + " without DevTools (Chromium checks it)";
            inBrowser.forEach(row -> cells.add(AccessCell.notChecked(name, row.url(), false, row.expected(name).orElseThrow(), why)));
        } else if (digest.isPresent()) {
            // The browser answers the challenge itself, as a user typing into its login dialog: a Digest answer needs the server's nonce.
            // Chromium keeps what it was given in an auth cache nothing empties: the caller gives the next role a new browser.
            session.withChallengeCredentials(challengeCredentials(digest.get()), () -> inBrowser.forEach(row -> cells.add(inBrowser(name, row))));
        } else if (!headers.isEmpty() && !session.canSendHeaders()) {
            var why = session.settings().browser().key() + " cannot add the role's " + role.get().describe()
                    + " to its requests without DevTools (Chromium checks it)";
            inBrowser.forEach(row -> cells.add(AccessCell.notChecked(name, row.url(), false, row.expected(name).orElseThrow(), why)));
        } else if (headers.isEmpty()) {
            inBrowser.forEach(row -> cells.add(inBrowser(name, row)));
        } else {
            session.withExtraHeaders(headers, () -> inBrowser.forEach(row -> cells.add(inBrowser(name, row))));
        }
        for (var row : rows.stream().filter(AccessRule::api).toList()) {
            cells.add(overHttp(name, role, row));
        }
        return cells;
    }

    private void signIn(Role role) {
        var login = profile.login().orElseThrow().as(role.username().orElseThrow(), role.password().orElseThrow());
        var page = new LoginPage(session, login);
        try {
            page.open();
            var after = page.loginAs(login.username(), login.password());
            if (!page.showsLoggedIn()) {
                throw new SignInFailed(role.name() + " could not sign in at " + TargetSite.resolve(login.url()) + ": after the form was sent, "
                        + after.url() + " (status " + after.statusText() + ") does not show '" + login.successMarker()
                        + "'; check the role's credentials (" + login.username() + ", " + login.password() + ") and its account");
            }
        } catch (AssertionError e) {
            throw new SignInFailed(role.name() + " could not sign in: " + e.getMessage());
        }
    }

    private void setCookie(Role role) {
        // A cookie is set for the site the browser shows: be on it first.
        new SitePage(session, profile.navigation()).open(TargetSite.resolve("/"));
        session.driver().manage().addCookie(new Cookie.Builder(role.header().orElseThrow(), role.secret().orElseThrow().value()).path("/").build());
    }

    /** The role's user name and password for the Digest challenges of the whole site (of its realm, when the profile names one). */
    private static ChallengeCredentials challengeCredentials(Role role) {
        return ChallengeCredentials.forArea(TargetSite.baseUrl().toString(), "Digest", role.realm(),
                role.username().orElseThrow(), role.password().orElseThrow());
    }

    /** The request headers that carry a role's credentials (none for a form sign-in, whose cookies the browser keeps). */
    private static Map<String, String> headers(Role role) {
        return switch (role.auth()) {
            case BASIC -> Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (role.username().orElseThrow().value() + ":" + role.password().orElseThrow().value()).getBytes(StandardCharsets.UTF_8)));
            case BEARER -> Map.of("Authorization", "Bearer " + role.secret().orElseThrow().value());
            case HEADER -> Map.of(role.header().orElseThrow(), role.secret().orElseThrow().value());
            case FORM, COOKIE, DIGEST -> Map.of();
        };
    }

    private AccessCell inBrowser(String role, AccessRule row) {
        var expected = row.expected(role).orElseThrow();
        var address = TargetSite.resolve(row.url());
        if (expected.status() == 401) {
            session.traffic().expectUnauthorized(address);
        }
        var page = new SitePage(session, profile.navigation());
        var visit = Allure.step(role + ": open " + address, () -> page.open(address));
        // The URL's own answer is the first document response of the navigation; a redirect's is followed to where it led.
        var first = session.traffic().since(visit.trafficFrom()).stream().filter(exchange -> exchange.isPage()).findFirst();
        var status = first.map(exchange -> exchange.status()).orElse(visit.status());
        var challenges = first.map(exchange -> exchange.challenges()).orElse(List.of());
        var marker = expected.marker().map(page::showsNow);
        var redirected = first.filter(exchange -> exchange.isRedirect()).map(exchange -> visit.url());
        return AccessCell.seen(role, row.url(), false, expected, new Observed(status, redirected, challenges, marker));
    }

    private AccessCell overHttp(String name, Optional<Role> role, AccessRule row) {
        var expected = row.expected(name).orElseThrow();
        var address = TargetSite.resolve(row.url());
        var headers = new java.util.HashMap<String, String>(role.map(RoleVisits::headers).orElse(Map.of()));
        role.filter(r -> r.auth() == Role.Auth.FORM).map(r -> session.cookieHeader(address)).filter(c -> !c.isEmpty())
                .ifPresent(cookies -> headers.put("Cookie", cookies));
        role.filter(r -> r.auth() == Role.Auth.COOKIE)
                .ifPresent(r -> headers.put("Cookie", r.header().orElseThrow() + "=" + r.secret().orElseThrow().value()));
        var digest = role.filter(r -> r.auth() == Role.Auth.DIGEST);
        var answer = Allure.step(name + ": GET " + address + " (plain HTTP)", () -> digest.isPresent()
                ? digestProbe.get(address, digest.get().username().orElseThrow().value(), digest.get().password().orElseThrow().value(), digest.get().realm())
                : probe.get(address, headers));
        var location = answer.header("Location").stream().findFirst();
        return AccessCell.seen(name, row.url(), true, expected, new Observed(answer.status(),
                location.filter(to -> dev.stagecheck.config.ExpectedAccess.isRedirect(answer.status())), answer.challenges(), Optional.empty()));
    }
}
