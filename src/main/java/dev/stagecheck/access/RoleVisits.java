package dev.stagecheck.access;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.AccessRule;
import dev.stagecheck.config.Role;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.pages.LoginPage;
import dev.stagecheck.pages.SitePage;
import dev.stagecheck.safety.SafetyGuard;
import dev.stagecheck.traffic.ChallengeCredentials;
import dev.stagecheck.traffic.DigestProbe;
import dev.stagecheck.traffic.HttpProbe;
import dev.stagecheck.url.SafeUrl;
import io.qameta.allure.Allure;
import org.openqa.selenium.Cookie;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The matrix's cells of one role: signs in once (the login form, or credentials every request
 * carries), opens each of the role's URLs in this browser (or searches areas for their pages),
 * asks each API over plain HTTP with the same credentials, and says what each answered. The
 * browser is the caller's, reset before the role: a role's cookies and headers never reach
 * another role's cells.
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

    /** One URL a role opens for a row: the row's own, or one page found in the row's area. */
    public record Target(AccessRule row, String url) {
        public static Target of(AccessRule row) {
            return new Target(row, row.url());
        }
    }

    /**
     * What exploring areas found: the explorer's own cells for the pages found, and for each area
     * row the pages (site paths) every other role of the row must open, with a note when the
     * search stopped at the row's page limit.
     */
    public record Explored(List<AccessCell> cells, Map<AccessRule, List<String>> pages, List<String> notes) {}

    /** The cells of {@code role} (empty: the visitor) for {@code targets}; a sign-in that fails is thrown as {@link SignInFailed}. */
    public List<AccessCell> visit(String name, Optional<Role> role, List<Target> targets) {
        var cells = new ArrayList<AccessCell>();
        enter(role);
        var inBrowser = targets.stream().filter(target -> !target.row().api()).toList();
        var why = whyNotInBrowser(role);
        if (why.isPresent()) {
            inBrowser.forEach(target -> cells.add(notChecked(name, target, why.get())));
        } else {
            carrying(role, () -> inBrowser.forEach(target -> cells.add(inBrowser(name, target))));
        }
        for (var target : targets.stream().filter(target -> target.row().api()).toList()) {
            cells.add(overHttp(name, role, target));
        }
        return cells;
    }

    /**
     * Finds the pages of each area row as {@code role}, a role that may see them: from the row's
     * entry it follows the links into the area, breadth first, that the safety policy lets it open,
     * up to the row's page limit. A URL in {@code named} (another row's) is followed but left to
     * that row. Every page opened is also this role's cell for the row.
     */
    public Explored explore(String name, Optional<Role> role, List<AccessRule> areas, Set<String> named) {
        enter(role);
        var cells = new ArrayList<AccessCell>();
        var pages = new LinkedHashMap<AccessRule, List<String>>();
        var notes = new ArrayList<String>();
        var why = whyNotInBrowser(role);
        if (why.isPresent()) {
            for (var row : areas) {
                pages.put(row, entryOnly(row, named));
                notes.add(row.key() + ": only its entry " + row.url() + " is checked: " + why.get());
                cells.add(notChecked(name, Target.of(row), why.get()));
            }
            return new Explored(cells, pages, notes);
        }
        carrying(role, () -> areas.forEach(row -> pages.put(row, explore(name, row, named, cells, notes))));
        return new Explored(cells, pages, notes);
    }

    /** The pages of an area nobody could search: its entry alone, unless another row names it ({@code named}: full URLs). */
    public static List<String> entryOnly(AccessRule row, Set<String> named) {
        return named.contains(TargetSite.resolve(row.url())) ? List.of() : List.of(row.url());
    }

    private List<String> explore(String name, AccessRule row, Set<String> named, List<AccessCell> cells, List<String> notes) {
        var base = TargetSite.baseUrl().toString();
        var origin = SafetyGuard.origin(base);
        var inArea = row.areaPattern(base); // Compiled once: every link of every page found is asked.
        var found = new ArrayList<String>();
        var queue = new ArrayDeque<String>();
        var seen = new HashSet<String>();
        queue.add(TargetSite.resolve(row.url()));
        seen.addAll(queue);
        while (!queue.isEmpty() && found.size() < row.pages()) {
            var address = queue.poll();
            var shown = sitePath(address);
            var cell = inBrowser(name, new Target(row, shown));
            if (!named.contains(address)) {
                cells.add(cell);
                found.add(shown);
            }
            if (cell.observed().map(observed -> observed.status() != 200).orElse(true)) {
                continue; // Only a page this role may see leads to more of the area.
            }
            for (var link : new SitePage(session, profile.navigation()).linkTargets()) {
                var bare = link.replaceFirst("#.*$", "");
                // A link whose query carries a credential (?key=, ?session=) is left alone: the matrix would show it in the report.
                if (SafetyGuard.origin(bare).equals(origin) && inArea.matches(bare) && bare.equals(SafeUrl.of(bare)) && seen.add(bare)
                        && profile.safety().refusal(bare).isEmpty()) {
                    queue.add(bare);
                }
            }
        }
        if (!queue.isEmpty()) {
            notes.add(row.key() + ": stopped at " + row.pages() + " page(s) (access." + row.n() + ".pages); "
                    + queue.size() + " more link(s) into the area were not opened");
        }
        notes.add(row.key() + ": " + found.size() + " page(s) found from " + row.url()
                + (found.isEmpty() ? "" : ": " + String.join(", ", found)));
        return List.copyOf(found);
    }

    /** "/members/profile?tab=1" of a URL of the site: how a matrix line names a page it found. */
    private static String sitePath(String address) {
        var uri = URI.create(address);
        return (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Signs the role in, or sets its cookie: what must happen once, before its first page. */
    private void enter(Optional<Role> role) {
        role.filter(r -> r.auth() == Role.Auth.FORM).ifPresent(this::signIn);
        role.filter(r -> r.auth() == Role.Auth.COOKIE).ifPresent(this::setCookie);
    }

    /** Why this browser cannot open pages with the role's credentials, or empty when it can. */
    private Optional<String> whyNotInBrowser(Optional<Role> role) {
        if (role.filter(r -> r.auth() == Role.Auth.DIGEST).isPresent() && !session.canAnswerChallenges()) {
            return Optional.of(session.settings().browser().key() + " cannot answer the site's Digest challenge with the role's credentials"
                    + " without DevTools (Chromium checks it)");
        }
        if (!role.map(RoleVisits::headers).orElse(Map.of()).isEmpty() && !session.canSendHeaders()) {
            return Optional.of(session.settings().browser().key() + " cannot add the role's " + role.get().describe()
                    + " to its requests without DevTools (Chromium checks it)");
        }
        return Optional.empty();
    }

    /** Runs {@code work} with the role's credentials on every page it opens (a form or cookie role's are in the browser already). */
    private void carrying(Optional<Role> role, Runnable work) {
        var digest = role.filter(r -> r.auth() == Role.Auth.DIGEST);
        var headers = role.map(RoleVisits::headers).orElse(Map.of());
        if (digest.isPresent()) {
            // The browser answers the challenge itself, as a user typing into its login dialog: a Digest answer needs the server's nonce.
            // Chromium keeps what it was given in an auth cache nothing empties: the caller gives the next role a new browser.
            session.withChallengeCredentials(challengeCredentials(digest.get()), work);
        } else if (!headers.isEmpty()) {
            session.withExtraHeaders(headers, work);
        } else {
            work.run();
        }
    }

    private static AccessCell notChecked(String name, Target target, String why) {
        return AccessCell.notChecked(name, target.url(), target.row().api(), target.row().expected(name).orElseThrow(), why);
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

    private AccessCell inBrowser(String role, Target target) {
        var expected = target.row().expected(role).orElseThrow();
        var address = TargetSite.resolve(target.url());
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
        return AccessCell.seen(role, target.url(), false, expected, new Observed(status, redirected, challenges, marker));
    }

    private AccessCell overHttp(String name, Optional<Role> role, Target target) {
        var expected = target.row().expected(name).orElseThrow();
        var address = TargetSite.resolve(target.url());
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
        return AccessCell.seen(name, target.url(), true, expected, new Observed(answer.status(),
                location.filter(to -> dev.stagecheck.config.ExpectedAccess.isRedirect(answer.status())), answer.challenges(), Optional.empty()));
    }
}
