package dev.stagecheck.verdict;

import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.SiteProfile.ForbiddenUrl;
import dev.stagecheck.config.SiteProfile.ProtectedUrl;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.crawl.PageRecord;
import dev.stagecheck.safety.Refusal;
import dev.stagecheck.traffic.Challenge;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.url.SafeUrl;
import dev.stagecheck.url.UrlPattern;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one rule of which HTTP answer is a problem, asked by every check that meets one: the
 * listener's guard on every test, page loads, navigation, the crawl and the server-log check.
 * A 401 is expected from the URLs the profile protects (and those a test asks for on purpose),
 * a 403 from the URLs it names forbidden; anything else that answers 401 or 403, any 5xx, a
 * missing page (404, 410), a 429 (rate limited), any other 4xx (a 431 from a cookie flood), a
 * redirect loop and a redirect that names nowhere to go are findings.
 * A file link (a download) is judged by its status like a page. A fix here applies everywhere at once.
 */
public final class ResponseRule {
    /** What every checklist test fails on, whatever it checks itself: a lock-out or a server error anywhere in its traffic. */
    private static final Set<FindingKind> ALWAYS_FAILS = Set.of(FindingKind.UNEXPECTED_401, FindingKind.SERVER_ERROR);

    /** A request target in a log line: a path after a space or a quote, up to its query or the next space or quote. */
    private static final Pattern LOGGED_PATH = Pattern.compile("(?<=[\\s\"])(/[^\\s\"?]*)");

    private final Set<String> expected401;
    private final Set<String> expected403;
    private final List<UrlPattern> areas401;
    private final List<UrlPattern> areas403;
    /** The expected 401s as log-line request targets, compiled once: a server log has many lines. */
    private final List<Pattern> logged401;

    private ResponseRule(Set<String> expected401, Set<String> expected403, List<UrlPattern> areas401, List<UrlPattern> areas403) {
        this.expected401 = Set.copyOf(expected401);
        this.expected403 = Set.copyOf(expected403);
        this.areas401 = List.copyOf(areas401);
        this.areas403 = List.copyOf(areas403);
        this.logged401 = this.expected401.stream().map(ResponseRule::requestTarget).toList();
    }

    /**
     * What the profile declares: its protected URLs and APIs answer 401, its forbidden URLs 403, the
     * access matrix's URLs the 401 or 403 some role must get there, and so may every URL of a protected or forbidden area ({@code protected.N.area}, {@code forbidden.N.area}).
     */
    public static ResponseRule of(SiteProfile profile) {
        var urls401 = new ArrayList<String>();
        profile.protectedUrls().forEach(p -> urls401.add(p.url()));
        profile.apiEndpoints().forEach(a -> urls401.add(a.url()));
        var urls403 = new ArrayList<>(profile.forbiddenUrls().stream().map(ForbiddenUrl::url).toList());
        // A URL (or area) of the access matrix that must answer some role 401 (or 403) answers so by design; the matrix judges
        // each role's answer.
        profile.access().stream().filter(row -> answers(row, 401)).forEach(row -> urls401.add(row.url()));
        profile.access().stream().filter(row -> answers(row, 403)).forEach(row -> urls403.add(row.url()));
        var matrix401 = profile.access().stream().filter(row -> answers(row, 401)).map(dev.stagecheck.config.AccessRule::area);
        var matrix403 = profile.access().stream().filter(row -> answers(row, 403)).map(dev.stagecheck.config.AccessRule::area);
        return new ResponseRule(resolved(urls401), resolved(urls403),
                areas(java.util.stream.Stream.concat(profile.protectedUrls().stream().map(ProtectedUrl::area), matrix401)),
                areas(java.util.stream.Stream.concat(profile.forbiddenUrls().stream().map(ForbiddenUrl::area), matrix403)));
    }

    private static boolean answers(dev.stagecheck.config.AccessRule row, int status) {
        return row.byRole().values().stream().anyMatch(expected -> !expected.toLogin() && expected.status() == status);
    }

    /** A rule from URLs alone (for the kit's own tests and for code that checks no profile). */
    public static ResponseRule expecting(Collection<String> expected401, Collection<String> expected403) {
        return new ResponseRule(resolved(expected401), resolved(expected403), List.of(), List.of());
    }

    /** This rule, plus the 401s a test asked for on purpose ({@code Traffic.expectUnauthorized}). */
    public ResponseRule with401s(Collection<String> urls) {
        var all = new HashSet<>(expected401);
        all.addAll(resolved(urls));
        return new ResponseRule(all, expected403, areas401, areas403);
    }

    public boolean expects401(String url) {
        var safe = SafeUrl.of(url);
        return expected401.contains(safe) || areas401.stream().anyMatch(area -> area.matches(safe));
    }

    public boolean expects403(String url) {
        var safe = SafeUrl.of(url);
        return expected403.contains(safe) || areas403.stream().anyMatch(area -> area.matches(safe));
    }

    /**
     * Whether a server log line records one of the expected 401s. Log lines carry paths, not URLs:
     * a declared URL's path must stand as a whole request target (followed by a space, a query or a
     * quote); an area's glob is matched against each path in the line.
     */
    public boolean expectsLogged401(String logLine) {
        if (logged401.stream().anyMatch(target -> target.matcher(logLine).find())) {
            return true;
        }
        if (areas401.isEmpty()) {
            return false;
        }
        var base = TargetSite.baseUrl().toString();
        return LOGGED_PATH.matcher(logLine).results()
                .anyMatch(path -> areas401.stream().anyMatch(area -> area.matches(base + path.group(1))));
    }

    /** The answer to a page the user or the crawl opened; empty when it is no problem. */
    public Optional<Finding> page(String url, String from, int status, Optional<String> error, List<String> challenges) {
        var note = error.orElse("");
        if (status == 0 && (note.startsWith(Exchange.UNKNOWN) || Refusal.isNote(note))) {
            return Optional.empty(); // Not requested for safety, or a POST's answer only the browser saw: nothing to judge.
        }
        if (status == 0 && note.contains("ERR_TOO_MANY_REDIRECTS")) {
            return finding(FindingKind.REDIRECT_LOOP, url, from, "the browser gave up after too many redirects (" + note + ")");
        }
        if (status == 0 && refusedRedirect(note)) {
            return finding(FindingKind.REDIRECT_WITHOUT_LOCATION, url, from, "document answered a redirect " + UNUSABLE_LOCATION + " (" + note + ")"
                    + FIX_LOCATION);
        }
        if (Exchange.isCutShort(note)) {
            return finding(FindingKind.BROKEN_PAGE, url, from, "document" + CUT_SHORT + " (" + note + ")" + FIX_CUT_SHORT);
        }
        if (status == 0) {
            return finding(FindingKind.BROKEN_PAGE, url, from, "no answer: " + (note.isEmpty() ? "no response seen" : note));
        }
        if (note.equals(PageRecord.NOT_TEXT) && status < 300) {
            return finding(FindingKind.BROKEN_PAGE, url, from, "document answered " + status + " but " + note + ": check what the server sends here"
                    + " and its Content-Type");
        }
        if (isExpected(url, status)) {
            return Optional.empty();
        }
        return answer(note.equals(Exchange.FILE) ? "file link" : "document", url, from, status, error, challenges);
    }

    public Optional<Finding> page(PageRecord page) {
        if (page.refusedForSafety()) {
            return Optional.empty(); // Listed among the links not visited for safety: not a fault of the site.
        }
        return page(page.url(), page.from(), page.status(), page.error(), page.challenges());
    }

    /** The answer to something a page loaded (a script, an image, an XHR, an iframe); empty when it is no problem. */
    public Optional<Finding> resource(Exchange resource, String page) {
        if (resource.error().filter(Exchange::isCutShort).isPresent()) {
            return finding(FindingKind.BROKEN_PAGE, resource.url(), page, resource.type() + CUT_SHORT + " (" + resource.error().get() + ")"
                    + FIX_CUT_SHORT);
        }
        if (resource.status() == 0) {
            var note = resource.error().orElse("");
            if (refusedRedirect(note)) {
                return finding(FindingKind.REDIRECT_WITHOUT_LOCATION, resource.url(), page, resource.type() + " answered a redirect "
                        + UNUSABLE_LOCATION + " (" + note + ")" + FIX_LOCATION);
            }
            return resource.error().filter(e -> e.contains("ERR_TOO_MANY_REDIRECTS"))
                    .flatMap(e -> finding(FindingKind.REDIRECT_LOOP, resource.url(), page, resource.type() + " answered too many redirects"));
        }
        return answer(resource.type(), resource.url(), page, resource.status(), resource.error(), resource.challenges());
    }

    /** The guard of every checklist test: each undeclared 401 and each 5xx in what the browser saw, one finding each. */
    public List<Finding> lockOuts(List<Exchange> traffic) {
        return traffic.stream()
                .flatMap(exchange -> resource(exchange, exchange.page()).stream())
                .filter(finding -> ALWAYS_FAILS.contains(finding.kind()))
                .toList();
    }

    /** The answer the profile (or the test) says this URL gives: a 401 from a protected URL, a 403 from a forbidden one. */
    private boolean isExpected(String url, int status) {
        return status == 401 && expects401(url) || status == 403 && expects403(url);
    }

    /** The part of the rule pages and resources share: what a status says, given what the profile expects. */
    private Optional<Finding> answer(String what, String url, String from, int status, Optional<String> note, List<String> challenges) {
        if (isExpected(url, status)) {
            return Optional.empty();
        }
        if (status >= 300 && status < 400 && note.isPresent() && !note.get().equals(Exchange.FILE)) {
            // A 3xx the browser ended on: it names no Location (or one it refused to follow), so every visitor is stuck there.
            return finding(FindingKind.REDIRECT_WITHOUT_LOCATION, url, from, what + " answered " + status + " "
                    + (note.get().equals(Exchange.NO_LOCATION) ? "without a usable Location header" : UNUSABLE_LOCATION + " (" + note.get() + ")")
                    + FIX_LOCATION);
        }
        if (status == 401) {
            return finding(FindingKind.UNEXPECTED_401, url, from, what + " answered 401" + challengeText(challenges) + windowsSignIn(challenges));
        }
        if (status == 403) {
            return finding(FindingKind.UNEXPECTED_403, url, from, what + " answered 403 Forbidden");
        }
        if (status == 404 || status == 410) {
            return finding(FindingKind.BROKEN_LINK, url, from, what + " answered " + status);
        }
        if (status == 429) {
            return finding(FindingKind.RATE_LIMITED, url, from, what + " answered 429 Too Many Requests" + note.map(n -> " (" + n + ")").orElse("")
                    + ": the site limits how fast one visitor may ask; lower crawl.rate, or let the kit's address through the limit");
        }
        if (status >= 500) {
            return finding(FindingKind.SERVER_ERROR, url, from, what + " answered " + status);
        }
        if (status >= 400) {
            // Every other refusal is judged too (a 400, a 405, a 431): none is a healthy answer to a link a visitor follows.
            return finding(FindingKind.BROKEN_PAGE, url, from, what + " answered " + status + refusalHint(status));
        }
        return Optional.empty();
    }

    /** What a refusal other than 401/403/404 usually means, where one cause is far the most common. */
    private static String refusalHint(int status) {
        return switch (status) {
            case 431 -> " Request Header Fields Too Large: the browser's cookies for this address are too many or too large"
                    + " (a script or the server keeps adding them); have the site set fewer, smaller cookies";
            case 414 -> " URI Too Long: the link's address is longer than the server accepts";
            case 405 -> " Method Not Allowed: the server does not answer this method here";
            default -> "";
        };
    }

    private static final String UNUSABLE_LOCATION = "whose Location the browser cannot follow";
    private static final String FIX_LOCATION = ": send a Location header with the full new address, or answer 200";

    private static final String CUT_SHORT = "'s answer was cut short: the connection closed before all the bytes it announced came";
    private static final String FIX_CUT_SHORT = ": check the server's log for a crash or a timeout while it sent this";

    /** The browser's word for a redirect whose Location is no URL it may go to (its status is then often unknown). */
    private static boolean refusedRedirect(String note) {
        return note.contains("ERR_INVALID_REDIRECT") || note.contains("ERR_UNSAFE_REDIRECT");
    }

    private static Optional<Finding> finding(FindingKind kind, String url, String from, String evidence) {
        return Optional.of(new Finding(kind, url, from, evidence));
    }

    private static String challengeText(List<String> challenges) {
        return challenges.isEmpty() ? " with no WWW-Authenticate challenge" : " (challenge: " + Challenge.shown(challenges) + ")";
    }

    /**
     * A Negotiate or NTLM challenge asks for Windows sign-in (Kerberos, NTLM), which a browser does
     * only on a domain-joined machine: the kit cannot get in, and says what to declare instead.
     */
    private static String windowsSignIn(List<String> challenges) {
        var windows = challenges.stream().map(c -> c.strip().split("[\\s,]", 2)[0])
                .anyMatch(scheme -> scheme.equalsIgnoreCase("Negotiate") || scheme.equalsIgnoreCase("NTLM"));
        return windows ? ": it asks for Windows sign-in (Negotiate/NTLM), which the kit cannot do; if it must stay behind it,"
                + " declare it in the profile (protected.N.url)" : "";
    }

    /** The profile's area globs as whole-URL patterns on this site. */
    private static List<UrlPattern> areas(java.util.stream.Stream<Optional<String>> globs) {
        var base = TargetSite.baseUrl().toString();
        return globs.flatMap(Optional::stream).map(glob -> UrlPattern.of(UrlPattern.onSite(glob, base))).toList();
    }

    private static Set<String> resolved(Collection<String> urls) {
        return urls.stream().map(url -> SafeUrl.of(TargetSite.resolve(url))).collect(Collectors.toSet());
    }

    /**
     * A URL's path as a whole request target of a log line: after a space, quote or {@code =} (or
     * a proxy's scheme and host), before a space, query or quote. "/" then matches the home page only.
     */
    private static Pattern requestTarget(String url) {
        return Pattern.compile("[\\s\"=](?:https?://[^/\\s\"]+)?" + Pattern.quote(path(url)) + "(?=[\\s?\"]|$)");
    }

    private static String path(String url) {
        var path = URI.create(url).getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
