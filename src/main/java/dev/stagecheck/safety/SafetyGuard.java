package dev.stagecheck.safety;

import dev.stagecheck.url.SafeUrl;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The safety policy as one browser session applies it: to the URLs the kit sends the browser to,
 * to every request the browser itself makes (where DevTools lets the kit see them), and to the
 * kit's own HTTP probes. Two things pass that the policy alone would refuse: a URL the kit typed
 * itself because the profile names it (logout.url, a protected URL), and everything during a check
 * the profile declares (its login form, contact form, search, logout), which may POST.
 */
public final class SafetyGuard {
    private final SafetyPolicy policy;
    private final Set<String> typed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger declaredChecks = new AtomicInteger();
    /** The only origin the browser may ask while the kit's credentials ride on every request it sends (empty: none do). */
    private volatile Optional<String> credentialsOrigin = Optional.empty();

    public SafetyGuard(SafetyPolicy policy) {
        this.policy = policy;
    }

    public SafetyPolicy policy() {
        return policy;
    }

    /** A URL the kit types itself (one the profile names, or one it checked first): its page may be opened. */
    public void typed(String url) {
        typed.add(key(url));
    }

    /** Runs one of the profile's declared checks (a form, the login, the logout): its requests all pass. */
    public <T> T declared(Supplier<T> check) {
        declaredChecks.incrementAndGet();
        try {
            return check.get();
        } finally {
            declaredChecks.decrementAndGet();
        }
    }

    public void declared(Runnable check) {
        declared(() -> {
            check.run();
            return null;
        });
    }

    /**
     * Runs an action while the kit's credentials (an Authorization or API key header) go with every
     * request the browser sends: then only requests to {@code origin} (scheme://host:port) pass, so a
     * page's analytics script, font or CDN image never receives them.
     */
    public void credentialsTo(String origin, Runnable action) {
        credentialsOrigin = Optional.of(origin);
        try {
            action.run();
        } finally {
            credentialsOrigin = Optional.empty();
        }
    }

    public boolean inDeclaredCheck() {
        return declaredChecks.get() > 0;
    }

    /** Why the browser must not be sent to this URL (a link, a crawled page), or empty. */
    public Optional<Refusal> navigation(String url) {
        if (inDeclaredCheck() || typed.contains(key(url))) {
            return Optional.empty();
        }
        return policy.refusal(url);
    }

    /** Why the kit must not fetch this URL itself (a probe of a page's resource, a link to another site), or empty. */
    public Optional<Refusal> probe(String url) {
        return policy.refusal(url);
    }

    /**
     * Why a request the browser is about to send must be stopped, or empty. The page's own images,
     * scripts, styles and frames pass (they only read); a new page of the tab passes the navigation
     * rule; anything but GET and HEAD is stopped outside a declared check, whoever sent it (a script
     * on the page too).
     */
    public Optional<Refusal> browserRequest(String method, String url, boolean page) {
        var only = credentialsOrigin;
        if (only.isPresent() && !only.get().equalsIgnoreCase(origin(url))) {
            return Optional.of(new Refusal(SafeUrl.of(url), "another site while the kit's credentials for " + only.get()
                    + " go with every request (they never leave that site)"));
        }
        if (inDeclaredCheck()) {
            return Optional.empty();
        }
        if (!SafetyPolicy.READ_ONLY_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return policy.refusal(method, url);
        }
        return page ? navigation(url) : Optional.empty();
    }

    /** scheme://host:port of a URL ("" when it has none), as browsers compare origins. */
    public static String origin(String url) {
        try {
            var uri = URI.create(url);
            return uri.getScheme() == null || uri.getRawAuthority() == null ? "" : uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Forgets the typed URLs of the previous test. */
    public void forget() {
        typed.clear();
    }

    /** Without the #fragment and with an empty path as "/", as browsers report a URL they were sent to. */
    private static String key(String url) {
        var bare = url.replaceFirst("#.*$", "");
        try {
            var uri = URI.create(bare);
            if (uri.getRawPath() != null && uri.getRawPath().isEmpty() && uri.getRawAuthority() != null) {
                return uri.getScheme() + "://" + uri.getRawAuthority() + "/" + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (IllegalArgumentException e) {
            // Compared as written.
        }
        return bare;
    }
}
