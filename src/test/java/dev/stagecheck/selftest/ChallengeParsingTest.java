package dev.stagecheck.selftest;

import dev.stagecheck.traffic.Challenge;
import dev.stagecheck.traffic.Challenge.MalformedChallengeException;
import dev.stagecheck.traffic.Headers;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/**
 * {@code WWW-Authenticate} parsing (RFC 9110 section 11.6.1, via HttpClient 5's AuthChallengeParser)
 * and the case-insensitive header lookups that feed it.
 */
public class ChallengeParsingTest {

    @Test
    public void basicChallengeWithRealmAndCharset() throws MalformedChallengeException {
        var challenges = Challenge.parse("Basic realm=\"Admin Area\", charset=\"UTF-8\"");
        assertEquals(challenges.size(), 1, "one challenge expected");
        var basic = challenges.get(0);
        assertEquals(basic.scheme(), "Basic", "scheme");
        assertEquals(basic.realm(), Optional.of("Admin Area"), "realm without the quotes");
        assertEquals(basic.param("charset"), Optional.of("UTF-8"), "charset param");
        assertEquals(basic.token68(), Optional.empty(), "a challenge with params has no token68");
        assertEquals(basic.toString(), "Basic realm=\"Admin Area\", charset=\"UTF-8\"", "toString() should rebuild the challenge");
    }

    @Test(description = "a challenge shown in a report keeps its scheme and realm, and masks the server's one-time values")
    public void shownChallengesMaskNonceAndOpaque() {
        var shown = Challenge.shown(List.of("Digest realm=\"Reports\", qop=\"auth\", nonce=\"AAAB9a\\\"x\", opaque=3db3359, algorithm=SHA-256",
                "Basic realm=\"Admin Area\""));
        assertEquals(shown, "Digest realm=\"Reports\", qop=\"auth\", nonce=\"(hidden)\", opaque=\"(hidden)\", algorithm=SHA-256"
                + " | Basic realm=\"Admin Area\"");
        assertEquals(Challenge.shown(List.of()), "", "no challenge, nothing shown");
    }

    @Test
    public void severalChallengesInOneHeader() throws MalformedChallengeException {
        var challenges = Challenge.parse("Bearer realm=\"api\", error=\"invalid_token\", Basic realm=\"x\"");
        assertEquals(challenges.size(), 2, "two challenges expected: " + challenges);
        var bearer = challenges.get(0);
        assertEquals(bearer.scheme(), "Bearer", "first scheme");
        assertEquals(bearer.params(), Map.of("realm", "api", "error", "invalid_token"), "params of the Bearer challenge");
        var basic = challenges.get(1);
        assertEquals(basic.scheme(), "Basic", "second scheme");
        assertEquals(basic.params(), Map.of("realm", "x"), "params of the Basic challenge (none of Bearer's)");
    }

    @Test
    public void sameSchemeTwiceGivesTwoChallenges() throws MalformedChallengeException {
        var challenges = Challenge.parse("Basic realm=\"x\", Basic realm=\"y\"");
        assertEquals(challenges.stream().map(c -> c.realm().orElse(null)).toList(), List.of("x", "y"),
                "both Basic challenges should be kept, in order");
    }

    @Test
    public void quotedRealmWithCommaAndEscapedQuote() throws MalformedChallengeException {
        var challenges = Challenge.parse("Basic realm=\"a, \\\"b\\\"\"");
        assertEquals(challenges.size(), 1, "the comma inside the quoted string must not split the challenge: " + challenges);
        assertEquals(challenges.get(0).realm(), Optional.of("a, \"b\""), "the realm should be unquoted and unescaped");
    }

    @Test
    public void unquotedParamValueIsAToken() throws MalformedChallengeException {
        var challenges = Challenge.parse("Basic realm=simple");
        assertEquals(challenges.get(0).realm(), Optional.of("simple"), "a token value needs no quotes");
    }

    @Test
    public void token68Challenge() throws MalformedChallengeException {
        var challenges = Challenge.parse("Negotiate abc123==");
        assertEquals(challenges.size(), 1, "one challenge expected");
        var negotiate = challenges.get(0);
        assertEquals(negotiate.scheme(), "Negotiate", "scheme");
        assertEquals(negotiate.token68(), Optional.of("abc123=="), "token68 kept as sent, padding included");
        assertTrue(negotiate.params().isEmpty(), "a token68 challenge has no params");
        assertEquals(negotiate.realm(), Optional.empty(), "a token68 challenge has no realm");
        assertEquals(negotiate.toString(), "Negotiate abc123==", "toString() should rebuild the challenge");
    }

    @Test
    public void schemeWithoutParameters() throws MalformedChallengeException {
        var challenges = Challenge.parse("Basic");
        assertEquals(challenges.size(), 1, "a bare scheme is a valid challenge");
        assertEquals(challenges.get(0).scheme(), "Basic", "scheme");
        assertEquals(challenges.get(0).realm(), Optional.empty(), "no realm was sent");
    }

    @Test
    public void paramNamesAreCaseInsensitive() throws MalformedChallengeException {
        var basic = Challenge.parse("Basic REALM=\"x\", Charset=\"UTF-8\"").get(0);
        assertEquals(basic.realm(), Optional.of("x"), "REALM= should be found by realm()");
        assertEquals(basic.param("CHARSET"), Optional.of("UTF-8"), "param() should ignore the case of the asked name");
        assertEquals(basic.param("charset"), Optional.of("UTF-8"), "param() should ignore the case of the sent name");
        assertEquals(basic.param("missing"), Optional.empty(), "an absent param should be empty");
    }

    @Test
    public void schemeIsCaseInsensitive() throws MalformedChallengeException {
        var challenge = Challenge.parse("bAsIc realm=\"x\"").get(0);
        assertEquals(challenge.scheme(), "bAsIc", "the scheme should be kept as sent");
        assertTrue(challenge.isScheme("Basic"), "isScheme(Basic) should ignore case");
        assertTrue(challenge.isScheme("BASIC"), "isScheme(BASIC) should ignore case");
        assertFalse(challenge.isScheme("Bearer"), "isScheme(Bearer) should be false for a Basic challenge");
    }

    @Test
    public void paramsAreUnmodifiable() throws MalformedChallengeException {
        var challenge = Challenge.parse("Basic realm=\"x\"").get(0);
        expectThrows(UnsupportedOperationException.class, () -> challenge.params().put("realm", "y"));
    }

    @Test
    public void parseAllReadsEveryHeaderValue() throws MalformedChallengeException {
        var challenges = Challenge.parseAll(List.of("Negotiate", "Bearer realm=\"api\", Basic realm=\"x\"", "NTLM"));
        assertEquals(challenges.stream().map(Challenge::scheme).toList(), List.of("Negotiate", "Bearer", "Basic", "NTLM"),
                "parseAll should return the challenges of all values, in order");
        assertEquals(Challenge.parseAll(List.of()), List.of(), "no header values: no challenges");
    }

    @Test
    public void bareSchemeFollowedByAnotherChallengeIsRejectedByTheParser() {
        // RFC 9110 allows 'Negotiate, Basic realm="x"' (two challenges, the first without parameters),
        // but HttpClient 5's AuthChallengeParser rejects it ("Malformed auth challenge"). This is what a
        // server sending "WWW-Authenticate: Negotiate" and "WWW-Authenticate: Basic realm=..." as two
        // header lines turns into once the lines are joined with ", " (Headers.joined, as CdpWitness
        // does), while parseAll of the separate values works (test above). Pinned here; see the report.
        var error = expectThrows(MalformedChallengeException.class, () -> Challenge.parse("Negotiate, Basic realm=\"x\""));
        assertTrue(error.getMessage().contains("Negotiate, Basic"), "the message should quote the header: " + error.getMessage());
    }

    @Test
    public void bareSchemeAfterParamsIsReadAsAParamWithoutValue() throws MalformedChallengeException {
        // Per RFC 9110 the bare token after the comma starts a new challenge (an auth-param needs '='),
        // but AuthChallengeParser reads it as a parameter of the Basic challenge with no value, so the
        // Negotiate challenge is lost. Pinned here; see the report.
        var challenges = Challenge.parse("Basic realm=\"x\", Negotiate");
        assertEquals(challenges.size(), 1, "the parser gives one challenge, not two: " + challenges);
        assertEquals(challenges.get(0).realm(), Optional.of("x"), "the Basic realm is still read");
        assertTrue(challenges.get(0).params().containsKey("negotiate"), "Negotiate becomes a value-less param: " + challenges.get(0).params());
        assertEquals(challenges.get(0).param("negotiate"), Optional.empty(), "the value-less param has no value");
    }

    // ---- malformed ----

    @DataProvider
    public Object[][] malformedHeaders() {
        return new Object[][] {
                {""},
                {"   "},
                {", Basic realm=\"x\""},
                {"Basic ,"},
                // HttpClient 5's parser takes any text before a blank as the scheme; Challenge checks it is a token.
                {"realm=\"x\""},
                {"\"Basic\" realm=\"x\""},
                // The parser reads an unclosed quoted string to the end; Challenge rejects it.
                {"Basic realm=\"unterminated"},
                {"Basic realm=\"a\\\""},
        };
    }

    @Test(dataProvider = "malformedHeaders")
    public void malformedHeaderIsRejected(String header) {
        var error = expectThrows(MalformedChallengeException.class, () -> Challenge.parse(header));
        assertTrue(error.getMessage() != null && !error.getMessage().isBlank(),
                "the MalformedChallengeException for '" + header + "' should say what is wrong");
    }

    @Test
    public void nullHeaderIsRejected() {
        expectThrows(MalformedChallengeException.class, () -> Challenge.parse(null));
    }

    @Test
    public void malformedHeaderInParseAllIsRejected() {
        expectThrows(MalformedChallengeException.class, () -> Challenge.parseAll(List.of("Basic realm=\"x\"", " ")));
    }

    // ---- Headers ----

    @Test
    public void headersAllIgnoresTheCaseOfTheName() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Www-Authenticate", "Basic realm=\"x\"");
        headers.put("Content-Type", "text/html");
        assertEquals(Headers.all(headers, "WWW-Authenticate"), List.of("Basic realm=\"x\""), "lookup should ignore case");
        assertEquals(Headers.all(headers, "www-authenticate"), List.of("Basic realm=\"x\""), "lookup should ignore case");
        assertEquals(Headers.all(headers, "content-type"), List.of("text/html"), "lookup should ignore case");
    }

    @Test
    public void headersAllSplitsCdpNewlineJoinedValues() {
        Map<String, Object> headers = Map.of("www-authenticate", "Bearer realm=\"api\"\nBasic realm=\"x\"\n\n  ");
        assertEquals(Headers.all(headers, "WWW-Authenticate"), List.of("Bearer realm=\"api\"", "Basic realm=\"x\""),
                "CDP's newline-joined repeated header should give one value per line, blank lines dropped");
        assertEquals(Headers.joined(headers, "WWW-Authenticate"), "Bearer realm=\"api\", Basic realm=\"x\"",
                "joined() should join the values with ', '");
    }

    @Test
    public void headersAllCollectsNamesDifferingOnlyInCaseAndListValues() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("WWW-Authenticate", List.of("Bearer realm=\"api\"", "Negotiate"));
        headers.put("www-authenticate", "Basic realm=\"x\"");
        assertEquals(Headers.all(headers, "WWW-Authenticate"), List.of("Bearer realm=\"api\"", "Negotiate", "Basic realm=\"x\""),
                "list values and same-name keys of any case should all be collected, in map order");
    }

    @Test
    public void headersAllAndJoinedOfAnAbsentHeader() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/html");
        headers.put("WWW-Authenticate", null);
        assertEquals(Headers.all(headers, "WWW-Authenticate"), List.of(), "a null value counts as absent");
        assertEquals(Headers.all(null, "WWW-Authenticate"), List.of(), "no headers at all: no values");
        assertEquals(Headers.joined(headers, "Location"), "", "joined() of an absent header should be empty");
    }

    @Test
    public void joinedHeaderParsesIntoEveryChallenge() throws MalformedChallengeException {
        Map<String, Object> headers = Map.of("www-authenticate", "Bearer realm=\"api\", error=\"invalid_token\"\nBasic realm=\"Admin Area\"");
        var challenges = Challenge.parse(Headers.joined(headers, "WWW-Authenticate"));
        assertEquals(challenges.stream().map(Challenge::scheme).toList(), List.of("Bearer", "Basic"),
                "a CDP header joined by Headers.joined should parse into both challenges");
        assertEquals(challenges.get(1).realm(), Optional.of("Admin Area"), "realm of the second challenge");
    }
}
