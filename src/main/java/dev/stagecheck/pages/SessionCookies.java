package dev.stagecheck.pages;

import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cookies that carry a sign-in, and what a browser left alone too long or a careless script does
 * to them: a corrupted value, an expiry in the past, a copy kept from before a logout. Which cookies
 * they are comes from the profile ({@code login.session.cookie}) or, when it names none, from what the
 * sign-in set or changed (the HttpOnly ones among them, when there are any: a session cookie is one).
 * Values are never shown; names are.
 */
public record SessionCookies(List<Cookie> cookies) {

    /** The session cookies a sign-in left, from the jars before and after it. */
    public static SessionCookies of(Set<Cookie> before, Set<Cookie> after, List<String> named) {
        if (!named.isEmpty()) {
            var found = after.stream().filter(cookie -> named.contains(cookie.getName())).toList();
            if (found.size() < named.size()) {
                throw new AssertionError("after signing in the browser holds no cookie named " + String.join(", ", named)
                        + " (login.session.cookie); it holds " + names(after) + ": name the session cookie the site sets");
            }
            return new SessionCookies(found);
        }
        var earlier = before.stream().map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.toSet());
        var changed = after.stream().filter(cookie -> !earlier.contains(cookie.getName() + "=" + cookie.getValue())).toList();
        if (changed.isEmpty()) {
            throw new AssertionError("signing in set or changed no cookie (the browser holds " + names(after) + "), so the session"
                    + " cookie cannot be told: set login.session.cookie to its name");
        }
        var httpOnly = changed.stream().filter(Cookie::isHttpOnly).toList();
        return new SessionCookies(httpOnly.isEmpty() ? changed : httpOnly);
    }

    /** "demo_session", "wordpress_sec_1a2b, wordpress_logged_in_1a2b": what the findings name. */
    public String names() {
        return cookies.stream().map(Cookie::getName).collect(Collectors.joining(", "));
    }

    /** Each session cookie's value replaced by a damaged one, of the shape a truncated or garbled cookie has. */
    public void corruptIn(WebDriver driver) {
        cookies.forEach(cookie -> put(driver, cookie, "corrupted!" + new StringBuilder(cookie.getValue()).reverse(), cookie.getExpiry()));
    }

    /** Each session cookie given an expiry in the past, which makes the browser drop it, as it does when a session ran out. */
    public void expireIn(WebDriver driver) {
        cookies.forEach(cookie -> put(driver, cookie, cookie.getValue(), new Date(System.currentTimeMillis() - 86_400_000L)));
    }

    /** The session cookies as they were when captured, put back (a copy kept from before a logout). */
    public void replayIn(WebDriver driver) {
        cookies.forEach(cookie -> put(driver, cookie, cookie.getValue(), cookie.getExpiry()));
    }

    private static void put(WebDriver driver, Cookie cookie, String value, Date expiry) {
        driver.manage().deleteCookieNamed(cookie.getName());
        var copy = new Cookie.Builder(cookie.getName(), value).path(cookie.getPath()).expiresOn(expiry)
                .isHttpOnly(cookie.isHttpOnly()).isSecure(cookie.isSecure());
        if (cookie.getSameSite() != null) {
            copy.sameSite(cookie.getSameSite());
        }
        // A host-only cookie is set again for the page's host; a domain cookie for its domain.
        var host = URI.create(driver.getCurrentUrl()).getHost();
        if (cookie.getDomain() != null && !cookie.getDomain().equals(host)) {
            copy.domain(cookie.getDomain());
        }
        driver.manage().addCookie(copy.build());
    }

    private static String names(Set<Cookie> jar) {
        return jar.isEmpty() ? "no cookies" : jar.stream().map(Cookie::getName).sorted().collect(Collectors.joining(", "));
    }
}
