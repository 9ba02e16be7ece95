package dev.stagecheck.access;

import dev.stagecheck.config.ExpectedAccess;
import dev.stagecheck.verdict.FindingKind;

import java.util.Optional;

/**
 * One cell of the access matrix: what a role must get from a URL, and what it got. Empty
 * {@code observed} with a reason: the cell could not be checked (its role did not sign in, or
 * this browser cannot send the role's credentials).
 */
public record AccessCell(String role, String url, boolean api, ExpectedAccess expected, Optional<Observed> observed,
                         Optional<String> notChecked) {

    public static AccessCell seen(String role, String url, boolean api, ExpectedAccess expected, Observed observed) {
        return new AccessCell(role, url, api, expected, Optional.of(observed), Optional.empty());
    }

    public static AccessCell notChecked(String role, String url, boolean api, ExpectedAccess expected, String why) {
        return new AccessCell(role, url, api, expected, Optional.empty(), Optional.of(why));
    }

    /**
     * The one rule of a matching cell. {@code loginPath}: the path of the profile's login page, where
     * "login" must lead (empty when the profile has no login form: then any redirect does).
     */
    public boolean differs(Optional<String> loginPath) {
        if (observed.isEmpty()) {
            return false;
        }
        var got = observed.get();
        if (expected.toLogin()) {
            return !(ExpectedAccess.isRedirect(got.status()) && got.redirectedTo()
                    .map(to -> loginPath.map(path -> Observed.pathOf(to).equals(path)).orElse(true)).orElse(false));
        }
        if (got.status() != expected.status()) {
            return true;
        }
        if (expected.marker().isPresent() && !got.markerShown().orElse(false)) {
            return true;
        }
        if (expected.scheme().isPresent()) {
            var challenge = got.challenge(expected.scheme().get());
            return challenge.isEmpty() || expected.realm().isPresent() && !expected.realm().equals(challenge.get().realm());
        }
        return false;
    }

    /** The failure line of a differing cell: "Wrong access: editor GET /wp-admin/options.php expected 403, got 200". */
    public String line() {
        return FindingKind.WRONG_ACCESS.message(role + " GET " + url + (api ? " (API)" : "") + " expected " + expected.describe()
                + ", got " + observed.map(Observed::describe).orElse("nothing"));
    }
}
