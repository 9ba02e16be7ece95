package dev.stagecheck.checklist;

import dev.stagecheck.access.AccessCell;
import dev.stagecheck.access.AccessMatrixTable;
import dev.stagecheck.access.RoleVisits;
import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.AccessRule;
import dev.stagecheck.config.ExpectedAccess;
import dev.stagecheck.config.Role;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.report.Warnings;
import dev.stagecheck.traffic.HttpProbe;
import dev.stagecheck.verdict.FindingKind;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import org.testng.SkipException;
import org.testng.annotations.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The guide's "roles and permissions set up wrong": every role of the profile (and the visitor,
 * without credentials) opens every URL of the access matrix and must get the answer the profile
 * says, one line per cell that differs. An area row's pages are found first, by the first role the
 * row lets in, following links; then every role of the row opens them. A role signs in once per
 * pass and keeps its browser state across its URLs; the browser is reset between roles, so no role
 * sees another's cookies or headers.
 */
@Feature("Access matrix")
public class AccessMatrixTest extends ChecklistTest {
    private HttpProbe probe;
    private boolean firstRole;

    @Test(description = "Every role gets from every URL of the access matrix the answer the profile says")
    @Story("Each role gets what it must, and nothing more")
    public void everyRoleGetsTheAnswerItMust() {
        if (profile.access().isEmpty()) {
            throw new SkipException("the site profile " + profile.file() + " has no access matrix: set role.N.* and access.N.url"
                    + " with access.N.<role>=<answer> to check one");
        }
        probe = new HttpProbe(Settings.current().httpTimeout());
        firstRole = true;
        var cells = new ArrayList<AccessCell>();
        var failed = new ArrayList<String>();
        // Every role opens every URL it is given, signed in: one the safety rules refuse (a Dashboard that writes a draft,
        // a logout) is never opened, and the profile is told so, not quietly left out.
        var refused = new ArrayList<AccessRule>();
        for (var row : profile.access()) {
            profile.safety().refusal(url(row.url())).ifPresent(refusal -> {
                refused.add(row);
                failed.add(row.key() + (row.area().isPresent() ? " (its entry " + row.url() + ")" : "") + " is not opened for safety (" + refusal.rule()
                        + "): every role of its row would open it signed in; give a URL that only shows something,"
                        + " or re-admit it with crawl.allow if opening it changes nothing");
            });
        }
        var rows = profile.access().stream().filter(row -> !refused.contains(row)).toList();
        var names = Role.columns(profile.roles());
        var cannotSignIn = new HashSet<String>();
        // An area's pages are found first, by the first role its row lets in (it sees their links); then every role opens them.
        var named = rows.stream().filter(row -> row.area().isEmpty()).map(row -> url(row.url())).collect(Collectors.toSet());
        var pagesOf = new HashMap<AccessRule, List<String>>();
        var explorerOf = new HashMap<AccessRule, String>();
        var notes = new ArrayList<String>();
        for (var row : rows.stream().filter(row -> row.area().isPresent()).toList()) {
            var explorer = names.stream().filter(name -> row.expected(name).filter(ExpectedAccess::letsIn).isPresent()).findFirst();
            explorer.ifPresentOrElse(name -> explorerOf.put(row, name), () -> {
                pagesOf.put(row, RoleVisits.entryOnly(row, named));
                notes.add(row.key() + ": no role of the row gets 200 there, so no role sees its links: only its entry " + row.url() + " is checked");
            });
        }
        for (var name : names) {
            var areas = rows.stream().filter(row -> name.equals(explorerOf.get(row))).toList();
            if (areas.isEmpty()) {
                continue;
            }
            var role = role(name);
            try {
                var explored = Allure.step("Find the pages of " + areas.stream().map(AccessRule::key).collect(Collectors.joining(", ")) + " as " + name,
                        () -> nextRole().explore(name, role, areas, named));
                cells.addAll(explored.cells());
                pagesOf.putAll(explored.pages());
                notes.addAll(explored.notes());
            } catch (RoleVisits.SignInFailed e) {
                cannotSignIn.add(name);
                failed.add(FindingKind.ROLE_SIGN_IN_FAILED.message(e.getMessage() + "; its cells were not checked"));
                areas.forEach(row -> {
                    pagesOf.put(row, RoleVisits.entryOnly(row, named));
                    notes.add(row.key() + ": its pages were not searched, " + name + " could not sign in: only its entry " + row.url() + " is checked");
                });
            }
        }
        for (var name : names) {
            var targets = new ArrayList<RoleVisits.Target>();
            for (var row : rows.stream().filter(row -> row.expected(name).isPresent()).toList()) {
                if (row.area().isEmpty()) {
                    targets.add(RoleVisits.Target.of(row));
                } else if (!name.equals(explorerOf.get(row))) {
                    pagesOf.get(row).forEach(page -> targets.add(new RoleVisits.Target(row, page)));
                }
            }
            if (targets.isEmpty()) {
                continue;
            }
            if (cannotSignIn.contains(name)) {
                targets.forEach(target -> cells.add(notSignedIn(name, target)));
                continue;
            }
            var role = role(name);
            try {
                cells.addAll(Allure.step("As " + name + role.map(r -> " (" + r.describe() + ")").orElse(" (no credentials)"),
                        () -> nextRole().visit(name, role, targets)));
            } catch (RoleVisits.SignInFailed e) {
                failed.add(FindingKind.ROLE_SIGN_IN_FAILED.message(e.getMessage() + "; its " + targets.size() + " cell(s) were not checked"));
                targets.forEach(target -> cells.add(notSignedIn(name, target)));
            }
        }
        // The table in the profile's order, an area's pages where its row is, whatever order the roles opened them in.
        var order = new ArrayList<String>();
        rows.forEach(row -> order.addAll(row.area().isEmpty() ? List.of(row.url()) : pagesOf.getOrDefault(row, List.of())));
        cells.sort(java.util.Comparator.comparingInt(cell -> order.indexOf(cell.url())));
        var loginPath = profile.login().map(SiteProfile.Login::pagePath);
        Allure.addAttachment("Access matrix", "text/plain", AccessMatrixTable.of(names, cells, loginPath)
                + (notes.isEmpty() ? "" : "\nAreas:\n" + String.join("\n", notes) + "\n"), ".txt");
        notes.stream().filter(note -> note.contains(": 0 page(s) found")).forEach(note -> Warnings.warn("access matrix: " + note
                + " beyond those other rows name: the area checks nothing more"));
        var problems = new ArrayList<>(failed);
        cells.stream().filter(cell -> cell.differs(loginPath)).map(AccessCell::line).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problem(s) in the access matrix (the report's Access matrix attachment shows it all):\n"
                    + String.join("\n", problems));
        }
    }

    /**
     * This thread's browser, ready for the next role: the last role's cookies and sign-in end here,
     * and a browser that answered a Digest challenge (it keeps those credentials for good) is
     * replaced by a new one.
     */
    private RoleVisits nextRole() {
        if (!firstRole) {
            session = BrowserSessions.current(session.settings());
            session.resetForNextTest();
        }
        firstRole = false;
        return new RoleVisits(session, profile, probe);
    }

    private Optional<Role> role(String name) {
        return profile.roles().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private static AccessCell notSignedIn(String name, RoleVisits.Target target) {
        return AccessCell.notChecked(name, target.url(), target.row().api(), target.row().expected(name).orElseThrow(), "could not sign in");
    }
}
