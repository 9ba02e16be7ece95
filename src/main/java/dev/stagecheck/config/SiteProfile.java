package dev.stagecheck.config;

import dev.stagecheck.safety.SafetyPolicy;
import dev.stagecheck.url.UrlPattern;

import java.util.List;
import java.util.Locale;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Everything site-specific, read from a profile file, so the same checklist runs on any site.
 * URLs may be paths (resolved against base.url) or absolute. Selectors are CSS. Secrets are named,
 * never stored. An area whose entry key is absent (say contact.url) is skipped with that reason.
 */
public record SiteProfile(
        String file,
        String name,
        List<String> startUrls,
        Navigation navigation,
        Optional<Login> login,
        Optional<ContactForm> contact,
        Optional<Search> search,
        List<ProtectedUrl> protectedUrls,
        List<ForbiddenUrl> forbiddenUrls,
        List<ApiEndpoint> apiEndpoints,
        List<Role> roles,
        List<AccessRule> access,
        SafetyPolicy safety,
        Crawl crawl,
        Optional<ServerLog> serverLog,
        CustomValues custom,
        List<AcceptedFinding> accepted) {

    /**
     * 401s, 5xx and errors, written so that a response size of 401 or 512 bytes in an access log is
     * not taken for a status: the status right after the quoted request line, or a status/code field.
     */
    static final String DEFAULT_LOG_PATTERNS = "\" 401 ,\" 5\\d\\d ,(?i)\\b(?:status|code)[=: ]+(?:401|5\\d\\d)\\b,"
            + "(?i)\\b401 unauthorized\\b,(?i)\\berror\\b";

    public record Navigation(String links, Optional<String> menuToggle, Optional<String> sectionLinks) {}

    public record Login(String url, String usernameField, String passwordField, String submit,
                        String successMarker, String failureMarker, SecretRef username, SecretRef password,
                        String memberUrl, Optional<String> logoutUrl, Optional<String> logoutLink, Optional<String> flow,
                        List<String> sessionCookies) {

        /** The same form and pages, signed in to with other credentials (a role of the access matrix). */
        public Login as(SecretRef otherUsername, SecretRef otherPassword) {
            return new Login(url, usernameField, passwordField, submit, successMarker, failureMarker, otherUsername, otherPassword,
                    memberUrl, logoutUrl, logoutLink, flow, sessionCookies);
        }

        /** The login page's path on the site under test: where a "go and sign in" redirect must lead. */
        public String pagePath() {
            return java.net.URI.create(TargetSite.resolve(url)).getPath();
        }
    }

    /** A form field and what to type: {@code value} as written, {@link #typed()} with ${run} and ${time} filled in. */
    public record Field(String selector, String value) {
        public String typed() {
            return RunValues.expand(value);
        }
    }

    public record ContactForm(String url, List<Field> fields, String submit, String errorMarker, String successMarker) {}

    public record Search(String url, String input, Optional<String> submit, String query, String resultsMarker) {}

    /**
     * A URL that must challenge without credentials and let the right ones in; with an area, every
     * URL the area's glob matches may answer 401 too (the checks open {@code url}, one URL of it).
     */
    public record ProtectedUrl(String url, Optional<String> area, int expectedStatus, ExpectedChallenge challenge,
                               String auth, Optional<SecretRef> username, Optional<SecretRef> password,
                               Optional<SecretRef> token) {}

    /** A URL that must answer 403 (not 401) to a signed-in user without the right role; with an area, every URL of it may. */
    public record ForbiddenUrl(String url, Optional<String> area, boolean asMember) {}

    /**
     * Bounds of the site crawl, and what counts as slow.
     *
     * @param asMember crawl a second time logged in (needs the login keys), to cover member pages
     * @param rate requests per second the crawl may ask of the site ({@code crawl.rate}; infinite for
     *             {@code unlimited}); empty: the kit's default for where the site is
     */
    public record Crawl(int maxPages, int maxDepth, Duration maxTime, boolean asMember, Duration pageBudget, boolean checkExternal,
                        Optional<Double> rate) {}

    /** Where the server's log can be read (a file on this machine, or a URL), and which lines are findings. */
    public record ServerLog(String location, boolean isUrl, List<Pattern> patterns) {}

    /**
     * An API that wants a key: the challenge it must send without one or with a wrong one, and how
     * the key is sent ({@code keyScheme} is the word before it in an Authorization header; empty: the key alone).
     */
    public record ApiEndpoint(String url, String keyHeader, SecretRef key, Optional<String> keyScheme, ExpectedChallenge challenge) {}

    /** {@code crawl.rate}: a positive number of requests per second, or {@code unlimited}. */
    private static Optional<Double> readRate(ProfileReader reader) {
        var value = reader.optional("crawl.rate").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().equalsIgnoreCase("unlimited")) {
            return Optional.of(Double.POSITIVE_INFINITY);
        }
        try {
            var rate = Double.parseDouble(value.get());
            if (rate > 0 && !Double.isInfinite(rate)) {
                return Optional.of(rate);
            }
        } catch (NumberFormatException e) {
            // Refused below, with what is expected.
        }
        throw reader.malformed("crawl.rate", value.get(), "requests per second, such as 10 or 0.5, or unlimited");
    }

    /** This profile with other crawl limits (a check of the kit's own that crawls within tighter bounds). */
    public SiteProfile withCrawl(Crawl limits) {
        return new SiteProfile(file, name, startUrls, navigation, login, contact, search, protectedUrls, forbiddenUrls, apiEndpoints, roles, access, safety,
                limits, serverLog, custom, accepted);
    }

    public static SiteProfile from(ProfileReader reader) {
        var roles = readRoles(reader);
        var profile = new SiteProfile(
                reader.file(),
                reader.orDefault("site.name", reader.file()),
                reader.list("start.urls", "/"),
                new Navigation(
                        reader.required("nav.links", "CSS selector of the main navigation links"),
                        reader.optional("nav.toggle"),
                        reader.optional("nav.section.links")),
                readLogin(reader),
                readContact(reader),
                readSearch(reader),
                reader.indices("protected").stream().map(n -> readProtected(reader, n)).toList(),
                reader.indices("forbidden").stream().map(n -> readForbidden(reader, n)).toList(),
                reader.indices("api").stream().map(n -> readApi(reader, n)).toList(),
                roles,
                reader.indices("access").stream().map(n -> AccessRule.read(reader, n, roles)).toList(),
                new SafetyPolicy(patterns(reader, "never.visit"), patterns(reader, "crawl.allow")),
                new Crawl(
                        reader.integer("crawl.max.pages", 200),
                        reader.integer("crawl.max.depth", 5),
                        reader.duration("crawl.max.time", "5m"),
                        reader.bool("crawl.as.member", reader.has("login.url")),
                        reader.duration("crawl.page.budget", "3s"),
                        reader.bool("crawl.external", true),
                        readRate(reader)),
                readServerLog(reader),
                CustomValues.read(reader),
                reader.indices("accept").stream().map(n -> readAccepted(reader, n)).toList());
        if (profile.crawl.asMember() && profile.login.isEmpty()) {
            throw new ConfigException(reader.file() + ": crawl.as.member=true needs the login keys: add login.url and the rest, or set crawl.as.member=false");
        }
        if (profile.forbiddenUrls.stream().anyMatch(ForbiddenUrl::asMember) && profile.login.isEmpty()) {
            throw new ConfigException(reader.file() + ": forbidden URLs are checked as a member, but login.url is missing: add the login keys or set forbidden.N.as.member=false");
        }
        reader.rejectUnknownKeys(profile.secrets().stream().map(SecretRef::name).collect(java.util.stream.Collectors.toSet()));
        return profile;
    }

    /** {@code role.N.*}: the roles of the access matrix, each name once. */
    private static List<Role> readRoles(ProfileReader reader) {
        var roles = reader.indices("role").stream().map(n -> Role.read(reader, n, reader.has("login.url"))).toList();
        var names = new java.util.HashSet<String>();
        roles.forEach(role -> {
            if (!names.add(role.name())) {
                throw new ConfigException(reader.file() + ": role " + role.name() + " is declared twice (role.N.name): give each role one entry");
            }
        });
        return roles;
    }

    private static Optional<ServerLog> readServerLog(ProfileReader reader) {
        var file = reader.optional("server.log.file");
        var url = reader.optional("server.log.url");
        if (file.isPresent() && url.isPresent()) {
            throw new ConfigException(reader.file() + ": give server.log.file or server.log.url, not both");
        }
        var patterns = reader.list("server.log.patterns", DEFAULT_LOG_PATTERNS).stream()
                .map(pattern -> {
                    try {
                        return Pattern.compile(pattern);
                    } catch (PatternSyntaxException e) {
                        throw reader.malformed("server.log.patterns", pattern, "comma-separated Java regular expressions");
                    }
                }).toList();
        return file.map(f -> new ServerLog(f, false, patterns)).or(() -> url.map(u -> new ServerLog(u, true, patterns)));
    }

    /**
     * A problem the site's owner knows and keeps: findings of this kind (its label, checked against
     * the kinds by verdict.AcceptedFindings) on URLs matching this glob are listed as accepted, never failed.
     */
    public record AcceptedFinding(int n, String kind, String url, String reason) {}

    private static AcceptedFinding readAccepted(ProfileReader reader, int n) {
        var prefix = "accept." + n + ".";
        var kind = reader.required(prefix + "kind", "the kind of finding accepted, e.g. Broken link");
        var url = reader.required(prefix + "url", "a URL glob of where it is accepted, e.g. /docs/old-*");
        var reason = reader.required(prefix + "reason", "why the site's owner keeps it: it is shown with every accepted finding");
        UrlPattern.problemOnSite(url).ifPresent(problem -> {
            throw new ConfigException(reader.origin(prefix + "url") + ": key " + prefix + "url pattern '" + url + "' " + problem);
        });
        return new AcceptedFinding(n, kind, url, reason);
    }

    private static Optional<Login> readLogin(ProfileReader reader) {
        if (!reader.has("login.url")) {
            return Optional.empty();
        }
        var logoutUrl = reader.optional("logout.url");
        var logoutLink = reader.optional("logout.link");
        if (logoutUrl.isEmpty() && logoutLink.isEmpty()) {
            throw new ConfigException(reader.file() + ": key logout.url or logout.link is missing (how to log out): add logout.url,"
                    + " or logout.link (a selector of the log-out link on a signed-in page, for sites whose logout needs a nonce)");
        }
        return Optional.of(new Login(
                reader.required("login.url", "login page"),
                reader.required("login.username.field", "CSS selector of the user name field"),
                reader.required("login.password.field", "CSS selector of the password field"),
                reader.required("login.submit", "CSS selector of the login button"),
                reader.required("login.success.marker", "CSS selector seen only when logged in"),
                reader.required("login.failure.marker", "CSS selector of the wrong-password message"),
                reader.secret("login.username.env", "the user name"),
                reader.secret("login.password.env", "the password"),
                reader.required("login.member.url", "a page only logged-in users may see"),
                logoutUrl,
                logoutLink,
                readFlow(reader),
                reader.list("login.session.cookie", "")));
    }

    /** login.flow: the class of a sign-in of the user's own (pages.SignInFlow); checked for shape here, loaded by the login page. */
    private static Optional<String> readFlow(ProfileReader reader) {
        var flow = reader.optional("login.flow");
        if (flow.isPresent() && !flow.get().matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+")) {
            throw reader.malformed("login.flow", flow.get(), "the full name of a class of yours, e.g. com.example.SsoSignIn");
        }
        return flow;
    }

    /** Comma-separated URL globs; syntax the kit does not know is refused, never silently matching nothing. */
    private static List<UrlPattern> patterns(ProfileReader reader, String key) {
        return reader.list(key, "").stream().map(glob -> {
            var problem = UrlPattern.problem(glob);
            if (problem.isPresent()) {
                throw new ConfigException(reader.file() + ": key " + key + " pattern '" + glob + "' " + problem.get());
            }
            return UrlPattern.of(glob);
        }).toList();
    }

    private static Optional<ContactForm> readContact(ProfileReader reader) {
        if (!reader.has("contact.url")) {
            return Optional.empty();
        }
        var indices = reader.indices("contact.field");
        if (indices.isEmpty()) {
            throw new ConfigException(reader.file() + ": key contact.field.1.selector is missing (the form's fields): add contact.field.N.selector and contact.field.N.value");
        }
        var fields = indices.stream().map(n -> new Field(
                reader.required("contact.field." + n + ".selector", "CSS selector of a form field"),
                reader.typedValue("contact.field." + n + ".value", "what to type into it (${run} and ${time} make it unique)"))).toList();
        return Optional.of(new ContactForm(
                reader.required("contact.url", "contact page"),
                fields,
                reader.required("contact.submit", "CSS selector of the send button"),
                reader.required("contact.error.marker", "CSS selector of a validation error"),
                reader.required("contact.success.marker", "CSS selector of the confirmation")));
    }

    private static Optional<Search> readSearch(ProfileReader reader) {
        if (!reader.has("search.input")) {
            return Optional.empty();
        }
        return Optional.of(new Search(
                reader.orDefault("search.url", "/"),
                reader.required("search.input", "CSS selector of the search box"),
                reader.optional("search.submit"),
                reader.required("search.query", "a query that has results"),
                reader.required("search.results.marker", "CSS selector of the results list or heading")));
    }

    private static ProtectedUrl readProtected(ProfileReader reader, int n) {
        var prefix = "protected." + n + ".";
        refuseSplitKey(reader, prefix, prefix + "challenge (the challenge expected)");
        var area = readArea(reader, prefix);
        var url = areaUrl(reader, prefix, area, "URL that must ask for credentials");
        var status = reader.integer(prefix + "status", 401);
        if (status < 300 || status > 599) {
            throw reader.malformed(prefix + "status", Integer.toString(status), "the status the URL answers without credentials, 300 to 599 (usually 401)");
        }
        var challenge = ExpectedChallenge.read(reader, prefix, "Basic");
        var usual = challenge.scheme().map(s -> s.toLowerCase(Locale.ROOT)).filter(AUTH_KINDS::contains).orElse("none");
        var auth = reader.choice(prefix + "auth", usual, AUTH_KINDS);
        return switch (auth) {
            case "basic", "digest" -> new ProtectedUrl(url, area, status, challenge, auth,
                    Optional.of(reader.secret(prefix + "username.env", "its user name")),
                    Optional.of(reader.secret(prefix + "password.env", "its password")), Optional.empty());
            case "bearer" -> new ProtectedUrl(url, area, status, challenge, auth,
                    Optional.empty(), Optional.empty(), Optional.of(reader.secret(prefix + "token.env", "its token")));
            default -> new ProtectedUrl(url, area, status, challenge, auth, Optional.empty(), Optional.empty(), Optional.empty());
        };
    }

    /** How the right credentials get in: {@code none} checks the challenge only. */
    private static final List<String> AUTH_KINDS = List.of("basic", "digest", "bearer", "none");

    private static ForbiddenUrl readForbidden(ProfileReader reader, int n) {
        var prefix = "forbidden." + n + ".";
        var area = readArea(reader, prefix);
        return new ForbiddenUrl(areaUrl(reader, prefix, area, "URL that must answer 403"), area, reader.bool(prefix + "as.member", true));
    }

    private static ApiEndpoint readApi(ProfileReader reader, int n) {
        var prefix = "api." + n + ".";
        refuseSplitKey(reader, prefix, prefix + "challenge (the challenge expected) and " + prefix + "key.scheme (the word put before the key)");
        var header = reader.orDefault(prefix + "key.header", "Authorization");
        var keyScheme = reader.optional(prefix + "key.scheme");
        if (keyScheme.isPresent() && !header.equalsIgnoreCase("Authorization")) {
            throw new ConfigException(reader.origin(prefix + "key.scheme") + ": key " + prefix + "key.scheme is only used with "
                    + prefix + "key.header=Authorization (a key in " + header + " is sent as it is): drop it");
        }
        var scheme = keyScheme.orElse("Bearer");
        if (!scheme.equalsIgnoreCase(ExpectedChallenge.NONE) && ExpectedChallenge.SCHEMES.stream().noneMatch(scheme::equalsIgnoreCase)) {
            throw reader.malformed(prefix + "key.scheme", scheme, "an auth scheme (" + String.join(", ", ExpectedChallenge.SCHEMES)
                    + "; with Basic the variable holds user:password) or none (the key alone)");
        }
        var sent = header.equalsIgnoreCase("Authorization") && !scheme.equalsIgnoreCase(ExpectedChallenge.NONE);
        return new ApiEndpoint(
                reader.required(prefix + "url", "API endpoint that needs a key"),
                header,
                reader.secret(prefix + "key.env", "the API key"),
                sent ? Optional.of(scheme) : Optional.empty(),
                ExpectedChallenge.read(reader, prefix, "Bearer"));
    }

    /** {@code *.scheme} once meant two things for an API; it is refused with the keys that say each, never silently reread. */
    private static void refuseSplitKey(ProfileReader reader, String prefix, String instead) {
        if (reader.has(prefix + "scheme")) {
            throw new ConfigException(reader.origin(prefix + "scheme") + ": key " + prefix + "scheme is no longer read: write " + instead
                    + ", see README 'Site profile keys'");
        }
    }

    /**
     * {@code prefix.area}: a glob of URLs that answer as this entry declares ({@code /members/*}; a
     * path is joined to base.url). Refused when it is no glob at all or uses syntax the kit does not know.
     */
    static Optional<String> readArea(ProfileReader reader, String prefix) {
        var key = prefix + "area";
        var area = reader.optional(key);
        area.ifPresent(glob -> {
            if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0) {
                throw reader.malformed(key, glob, "a glob with * such as /members/* (for one URL write " + prefix + "url)");
            }
            UrlPattern.problemOnSite(glob).ifPresent(problem -> {
                throw new ConfigException(reader.origin(key) + ": key " + key + " pattern '" + glob + "' " + problem);
            });
        });
        return area;
    }

    /** {@code prefix.url}, by default the area's fixed beginning ({@code /members/} of {@code /members/*}); it must lie in the area. */
    static String areaUrl(ProfileReader reader, String prefix, Optional<String> area, String what) {
        var key = prefix + "url";
        var given = reader.optional(key);
        if (area.isEmpty()) {
            return reader.required(key, what);
        }
        var glob = area.get();
        if (given.isEmpty()) {
            var fixed = glob.split("[*?]", 2)[0];
            if (!fixed.startsWith("/") && !fixed.matches("(?i)^https?://.*")) {
                throw new ConfigException(reader.file() + ": key " + key + " is missing (" + what + "): the area '" + glob
                        + "' has no fixed beginning to check, so add one URL of it as " + key);
            }
            return fixed;
        }
        var url = given.get();
        if (!UrlPattern.of(UrlPattern.onSite(glob, "http://site")).matches(url.startsWith("/") ? "http://site" + url : url)) {
            throw new ConfigException(reader.origin(key) + ": key " + key + " = '" + url + "' is not in " + prefix + "area '" + glob
                    + "': give one URL of the area, or widen the area");
        }
        return url;
    }

    /** False for URLs the safety policy refuses (logout, trash, nonce links, never.visit ...): visiting them could change the site. */
    public boolean mayVisit(String url) {
        return safety.refusal(url).isEmpty();
    }

    /** Every secret the profile names, for the preflight check that they are set. */
    public List<SecretRef> secrets() {
        var all = new java.util.ArrayList<SecretRef>();
        login.ifPresent(l -> all.addAll(List.of(l.username(), l.password())));
        protectedUrls.forEach(p -> {
            p.username().ifPresent(all::add);
            p.password().ifPresent(all::add);
            p.token().ifPresent(all::add);
        });
        apiEndpoints.forEach(a -> all.add(a.key()));
        roles.forEach(role -> all.addAll(role.secrets()));
        return all;
    }
}
