package dev.stagecheck.safety;

import dev.stagecheck.url.UrlPattern;
import dev.stagecheck.url.SafeUrl;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the kit may request from the site it checks. Rule 1 of the kit: it never changes that site.
 * A GET link that carries a one-time token or an action parameter, or whose path or query names a
 * state change (trash, approve, logout ...), is how CMSs such as WordPress let a signed-in user
 * delete, publish or log out with one click; so such links are never followed, probed or clicked.
 * Only GET and HEAD are ever sent, but for the profile's own declared form and login checks.
 *
 * <p>{@code never.visit} adds patterns to these rules; {@code crawl.allow} re-admits URLs the
 * built-in rules refuse (never what {@code never.visit} names, never another method).
 */
public record SafetyPolicy(List<UrlPattern> neverVisit, List<UrlPattern> allow) {

    /**
     * Query parameters that carry a one-time token (a nonce proves the link was meant to act) or
     * say which action to take. {@code mode} is here because WordPress saves it as the user's screen
     * setting when a list screen is opened with it.
     */
    public static final List<String> TOKEN_OR_ACTION_PARAMETERS = List.of("_wpnonce", "nonce", "csrf", "_csrf", "token",
            "_token", "authenticity_token", "sig", "signature", "action", "do", "cmd", "op", "task", "mode");

    /** Parts of a parameter name that mark a token whatever the rest says (_ajax_nonce, csrf_token, xsrf). */
    private static final List<String> TOKEN_NAME_PARTS = List.of("nonce", "csrf", "xsrf");

    /**
     * Words that name a state change, as the first or last word of a short path segment, parameter
     * name or value (see {@link #stateChange}): {@code /post/5/delete}, {@code ?delete_all=1},
     * {@code /deleteComment}, but not {@code /deleted-scenes}, {@code /news} or a post titled
     * {@code how-to-update-wordpress}. "new", "create" and "add" are here because opening
     * WordPress's post-new.php already writes an auto-draft.
     */
    public static final List<String> STATE_CHANGE_WORDS = List.of("delete", "remove", "trash", "untrash", "spam", "approve",
            "unapprove", "publish", "unpublish", "ban", "block", "disable", "enable", "activate", "deactivate", "archive",
            "cancel", "revoke", "reset", "unsubscribe", "vote", "like", "follow", "install", "update", "upgrade", "purge",
            "empty", "emptytrash", "new", "create", "add",
            "logout", "log-out", "signout", "sign-out", "logoff");

    /** Methods that only read. */
    public static final Set<String> READ_ONLY_METHODS = Set.of("GET", "HEAD");

    /** The policy with only the built-in rules. */
    public static SafetyPolicy defaults() {
        return new SafetyPolicy(List.of(), List.of());
    }

    /**
     * Why a GET of this URL is refused, or empty when it may be requested. Case-insensitive;
     * {@code never.visit} wins over {@code crawl.allow}, which wins over the built-in rules.
     */
    public Optional<Refusal> refusal(String url) {
        var shown = SafeUrl.of(url);
        for (var pattern : neverVisit) {
            if (pattern.matches(url)) {
                return Optional.of(new Refusal(shown, "never.visit " + pattern.glob()));
            }
        }
        if (allow.stream().anyMatch(pattern -> pattern.matches(url))) {
            return Optional.empty();
        }
        return builtInRule(url).map(rule -> new Refusal(shown, rule));
    }

    /** The same, for any method: only GET and HEAD are ever sent outside a declared check. */
    public Optional<Refusal> refusal(String method, String url) {
        if (!READ_ONLY_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return Optional.of(new Refusal(SafeUrl.of(url), "method " + method.toUpperCase(Locale.ROOT)
                    + " (only the profile's declared form and login checks send anything but GET and HEAD)"));
        }
        return refusal(url);
    }

    private static Optional<String> builtInRule(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // Not a URL anyone can request.
        }
        var query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        for (var pair : query.split("&")) {
            var name = decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair).toLowerCase(Locale.ROOT);
            if (TOKEN_OR_ACTION_PARAMETERS.contains(name) || TOKEN_NAME_PARTS.stream().anyMatch(name::contains)) {
                return Optional.of("query parameter " + name + " (token or action)");
            }
        }
        var parts = new ArrayList<String>(List.of(decode(uri.getRawPath() == null ? "" : uri.getRawPath()).split("/")));
        for (var pair : query.split("&")) {
            parts.addAll(List.of(decode(pair).split("=", 2)));
        }
        for (var part : parts) {
            var word = stateChange(part);
            if (word.isPresent()) {
                return Optional.of("the word " + word.get() + " (a state change)");
            }
        }
        return Optional.empty();
    }

    /**
     * The state change a path segment, parameter name or value names, if any. Actions are short
     * ({@code delete}, {@code delete-account}, {@code post-new.php}, {@code deleteComment}); a
     * segment of four words or more is a title ({@code how-to-update-wordpress}), and so is one
     * with the word only in its middle ({@code old-install-guide}): content, not a command.
     */
    static Optional<String> stateChange(String part) {
        var words = words(part.replaceFirst("\\.[A-Za-z0-9]{1,5}$", ""));
        if (words.isEmpty() || words.size() > 3) {
            return Optional.empty();
        }
        for (var word : STATE_CHANGE_WORDS) {
            var phrase = List.of(word.split("-"));
            if (phrase.size() <= words.size()
                    && (words.subList(0, phrase.size()).equals(phrase) || words.subList(words.size() - phrase.size(), words.size()).equals(phrase))) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    /** The words of a text: runs of letters, split at camelCase humps too, lower-cased. */
    static List<String> words(String text) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            var c = i < text.length() ? text.charAt(i) : ' ';
            var hump = word.length() > 0 && Character.isUpperCase(c) && Character.isLowerCase(text.charAt(i - 1));
            if (!Character.isLetter(c) || hump) {
                if (word.length() > 0) {
                    words.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                }
            }
            if (Character.isLetter(c)) {
                word.append(c);
            }
        }
        return words;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // A stray % : read it as it stands.
        }
    }
}
