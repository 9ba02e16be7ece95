package dev.stagecheck.demo;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fault the demo site can be told to have: each one a realistic cause of 401 trouble or a
 * regression, so the kit's self-tests can prove its checklist catches it. Switched on for a whole
 * run with {@code -Ddemo.faults=public-401,asset-401} (see {@link DemoSiteProvider}), or at run
 * time with {@link DemoSite#faults(Set)}. {@link FaultInjection} implements them.
 */
public enum Fault {

    PUBLIC_401("public-401", "/company/press",
            "The public Press page answers 401 Unauthorized with a Basic challenge, as if the web server protected it by mistake."),
    ASSET_401("asset-401", "/assets/img/products.svg",
            "The illustration on every Products page answers 401, so the pages show a broken image."),
    LOGIN_401("login-401", "/login",
            "Logging in with the right email and password answers 401 Unauthorized instead of opening the member area."),
    MISSING_CHALLENGE("missing-challenge", "/admin/",
            "The admin area answers 401 without a WWW-Authenticate header, so the browser never asks for the password."),
    WRONG_REALM("wrong-realm", "/admin/",
            "The admin area challenges for the realm \"Restricted\" instead of \"Admin Area\", so saved credentials no longer match."),
    DIGEST_REFUSES_RIGHT_CREDENTIALS("digest-refuses-right-credentials", "/reports/",
            "The Digest-protected release reports answer the right partner user name and password with 401 again,"
                    + " as a server whose password file lost the partner's entry."),
    DIGEST_NO_NONCE("digest-no-nonce", "/reports/",
            "The release reports challenge with Digest but without a nonce (RFC 7616 requires one), so no browser can answer."),
    FORBIDDEN_AS_401("forbidden-as-401", "/members/staff",
            "A signed-in member who lacks the staff role gets 401 Unauthorized on the staff page instead of 403 Forbidden."),
    STICKY_SESSION("sticky-session", "/members/",
            "After clearing cookies the member is still signed in, because the server recognises the browser by its User-Agent."),
    BROKEN_LINK("broken-link", "/docs/faq",
            "The FAQ links to the old install guide at /docs/old-install-guide, which answers 404 Not Found."),
    CONTACT_500("contact-500", "/contact",
            "Sending the contact form answers 500 Internal Server Error, so no message ever arrives."),
    SEARCH_500("search-500", "/search",
            "The site search answers 500 Internal Server Error for every query."),
    CONSOLE_ERROR("console-error", "/products/gamma",
            "The Gamma product page throws an uncaught JavaScript error into the browser console."),
    API_KEY_IGNORED("api-key-ignored", "/api/orders",
            "The orders API hands out the orders without an API key or with a wrong one."),
    BROKEN_DOWNLOAD("broken-download", "/downloads/widget-1.4.zip",
            "The archive on the downloads page answers 404 Not Found: the release file was deleted from the server."),
    REDIRECT_WITHOUT_LOCATION("redirect-without-location", "/downloads/latest",
            "The address of the latest release answers 301 Moved Permanently with a page but no Location header, so no browser gets to the file."),
    SLOW_PAGE("slow-page", "/docs/install",
            "The install guide takes two and a half seconds to answer."),
    SLOW_REQUEST("slow-request", StatusPages.REPORT_PATH,
            "The home page links to a live status page whose background report request takes five seconds and holds the"
                    + " visitor's server session meanwhile (as PHP sessions do), so the visitor's next status page waits for it too."),
    SERVER_LOG_401("server-log-401", "/",
            "Serving the home page logs a failed background call to an internal service with 401 in the server log, while the browser sees a normal page."),
    WIDE_PAGE("wide-page", "/products/",
            "A fixed 1100 px wide promotion banner on the Products page makes it scroll sideways on tablets and phones."),
    HIDDEN_MENU("hidden-menu", "/",
            "A stylesheet change hides the Menu button of the home page on small screens, so phone users cannot reach the main menu."),
    ACCEPTED_PAGE_500("accepted-page-500", Changelog2019.REMOVED_NOTES,
            "The removed 2019 release notes, whose broken link the demo profile accepts, answer 500 Internal Server Error"
                    + " instead of 404: another kind of problem on the accepted URL, so it is no longer the accepted one."),
    SITE_401("site-401", "/",
            "The web server asks for a password on every page of the site, as a staging lock left switched on for everyone."),
    PROTECTED_AREA_500("protected-area-500", Downloads.STATISTICS,
            "A page inside the password-protected admin area answers 500 Internal Server Error to everyone, before it asks for the password."),
    STOCK_API_OPEN("stock-api-open", StockApi.PATH,
            "The stock API, which answers 401 without a challenge as the profile says, hands out its data without credentials."),
    STAFF_PAGE_OPEN("staff-page-open", "/members/staff",
            "The staff notes, which only the staff role may read, open to every signed-in member (200 where 403 belongs)."),
    PROFILE_PAGE_OPEN("profile-page-open", "/members/profile",
            "The member's profile page, linked only from inside the member area, opens to visitors who never signed in (200 where"
                    + " the way to the login form belongs): only a search of the area finds it."),
    MEMBER_PAGE_401("member-page-401", "/members/orders",
            "The member's own orders page answers 401 to the signed-in member, the role that must see it."),
    CORRUPT_SESSION_500("corrupt-session-500", "/members/",
            "A corrupted session cookie makes every member page answer 500 Internal Server Error instead of asking the user to log in."),
    LOGOUT_KEEPS_SESSION("logout-keeps-session", "/members/",
            "Logging out clears the browser's cookie but leaves the session alive on the server, so a copy of the cookie kept from before still gets in."),
    EXPIRED_SESSION_LOOP("expired-session-loop", "/members/",
            "When the session cookie has expired, the login page trusts the longer-lived demo_member hint and sends the user back to the"
                    + " member area, which sends them to the login page: a redirect loop.");

    private final String key;
    private final String path;
    private final String symptom;

    Fault(String key, String path, String symptom) {
        this.key = key;
        this.path = path;
        this.symptom = symptom;
    }

    /** The name users write in {@code -Ddemo.faults}, e.g. {@code public-401}. */
    public String key() {
        return key;
    }

    /** One sentence: what a user would see when the fault is on. */
    public String symptom() {
        return symptom;
    }

    /** The path where the fault shows, e.g. {@code /company/press}. */
    public String path() {
        return path;
    }

    /**
     * The faults named in a comma-separated list such as {@code "public-401, asset-401"}: names
     * are trimmed and compared ignoring case, empty entries are skipped, and {@code null} or an
     * empty string means none. The result is immutable and iterates in declaration order.
     *
     * @throws IllegalArgumentException for an unknown name, with a one-line message that lists the valid ones
     */
    public static Set<Fault> parse(String commaSeparated) {
        EnumSet<Fault> faults = EnumSet.noneOf(Fault.class);
        if (commaSeparated == null) {
            return Collections.unmodifiableSet(faults);
        }
        for (String name : commaSeparated.split(",")) {
            String wanted = name.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            faults.add(Arrays.stream(values())
                    .filter(fault -> fault.key.equals(wanted.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown demo fault '" + oneLine(wanted)
                            + "': use one of " + keys(EnumSet.allOf(Fault.class)))));
        }
        return Collections.unmodifiableSet(faults);
    }

    /** The keys joined by ", " in declaration order, e.g. {@code "public-401, asset-401"}. */
    static String keys(Set<Fault> faults) {
        return faults.stream().sorted().map(Fault::key).collect(Collectors.joining(", "));
    }

    /** An immutable copy in declaration order; {@code null} means none. */
    static Set<Fault> copyOf(Set<Fault> faults) {
        EnumSet<Fault> copy = EnumSet.noneOf(Fault.class);
        if (faults != null) {
            copy.addAll(faults);
        }
        return Collections.unmodifiableSet(copy);
    }

    /** The message must stay one line whatever the user typed. */
    private static String oneLine(String text) {
        return text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
