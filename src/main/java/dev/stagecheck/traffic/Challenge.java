package dev.stagecheck.traffic;

import org.apache.hc.client5.http.auth.AuthChallenge;
import org.apache.hc.client5.http.auth.ChallengeType;
import org.apache.hc.client5.http.impl.auth.AuthChallengeParser;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.message.ParserCursor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 9110 section 11.6.1): a scheme, then either
 * a token68 or auth-params such as {@code realm="Admin Area"}. Parsing is Apache HttpClient 5's
 * {@link AuthChallengeParser}, which handles several challenges in one header and quoted strings.
 */
public record Challenge(String scheme, Optional<String> token68, Map<String, String> params) {
    /** RFC 9110 token characters: what an auth-scheme is made of. */
    private static final Pattern SCHEME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** A header that is present but does not parse as challenges. */
    public static final class MalformedChallengeException extends Exception {
        public MalformedChallengeException(String message) {
            super(message, null, false, false);
        }
    }

    /** A Digest challenge's one-time values: what the server proves the next answer with, never shown as sent. */
    private static final Pattern ONE_TIME_PARAM = Pattern.compile("(?i)\\b(nonce|cnonce|opaque)(\\s*=\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,\\s]*)");

    /**
     * WWW-Authenticate header values as one readable line for reports and messages ("" when none),
     * with each nonce and opaque masked: the scheme, realm and every other param stay as sent.
     */
    public static String shown(List<String> headerValues) {
        return headerValues.stream().map(value -> ONE_TIME_PARAM.matcher(value).replaceAll("$1$2\"(hidden)\""))
                .collect(java.util.stream.Collectors.joining(" | "));
    }

    /** Param names are case-insensitive (RFC 9110 section 11.2), so they are kept lower-cased. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> realm() {
        return param("realm");
    }

    /**
     * The auth-params this challenge's scheme requires but it lacks, e.g. {@code [nonce]} for a
     * Digest challenge without one (RFC 7616 section 3.3: realm and nonce), which no client can answer.
     */
    public List<String> missingRequiredParams() {
        if (!isScheme("Digest")) {
            return List.of();
        }
        return List.of("realm", "nonce").stream().filter(name -> param(name).isEmpty()).toList();
    }

    public boolean isScheme(String expected) {
        return scheme.equalsIgnoreCase(expected);
    }

    /** Parses every challenge of every given header value (the header may be sent more than once). */
    public static List<Challenge> parseAll(List<String> headerValues) throws MalformedChallengeException {
        var challenges = new ArrayList<Challenge>();
        for (var value : headerValues) {
            challenges.addAll(parse(value));
        }
        return challenges;
    }

    public static List<Challenge> parse(String headerValue) throws MalformedChallengeException {
        if (headerValue == null || headerValue.isBlank()) {
            throw new MalformedChallengeException("empty WWW-Authenticate header");
        }
        if (hasUnclosedQuote(headerValue)) {
            throw new MalformedChallengeException("cannot parse WWW-Authenticate '" + headerValue + "': a quoted string is not closed");
        }
        try {
            var cursor = new ParserCursor(0, headerValue.length());
            var parsed = AuthChallengeParser.INSTANCE.parse(ChallengeType.TARGET, headerValue, cursor);
            if (parsed.isEmpty() || !cursor.atEnd()) {
                throw new MalformedChallengeException("cannot parse WWW-Authenticate '" + headerValue + "'");
            }
            var challenges = new ArrayList<Challenge>();
            for (AuthChallenge challenge : parsed) {
                // The parser takes any text before a space as the scheme; RFC 9110 wants a token.
                if (!SCHEME.matcher(challenge.getSchemeName()).matches()) {
                    throw new MalformedChallengeException("cannot parse WWW-Authenticate '" + headerValue
                            + "': '" + challenge.getSchemeName() + "' is not an auth scheme");
                }
                challenges.add(of(challenge));
            }
            return challenges;
        } catch (ParseException | IllegalArgumentException e) {
            throw new MalformedChallengeException("cannot parse WWW-Authenticate '" + headerValue + "': " + e.getMessage());
        }
    }

    private static boolean hasUnclosedQuote(String text) {
        var inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (inQuotes && c == '\\') {
                i++;
            } else if (c == '"') {
                inQuotes = !inQuotes;
            }
        }
        return inQuotes;
    }

    private static Challenge of(AuthChallenge challenge) {
        var params = new LinkedHashMap<String, String>();
        if (challenge.getParams() != null) {
            for (NameValuePair pair : challenge.getParams()) {
                params.put(pair.getName().toLowerCase(Locale.ROOT), pair.getValue());
            }
        }
        return new Challenge(challenge.getSchemeName(), Optional.ofNullable(challenge.getValue()), Collections.unmodifiableMap(params));
    }

    @Override
    public String toString() {
        var parts = new ArrayList<String>();
        token68.ifPresent(parts::add);
        params.forEach((name, value) -> parts.add(name + "=\"" + value + "\""));
        return parts.isEmpty() ? scheme : scheme + " " + String.join(", ", parts);
    }
}
