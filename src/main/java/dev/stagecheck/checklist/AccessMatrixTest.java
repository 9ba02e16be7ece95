package dev.stagecheck.checklist;

import dev.stagecheck.access.AccessCell;
import dev.stagecheck.access.AccessMatrixTable;
import dev.stagecheck.access.RoleVisits;
import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.AccessRule;
import dev.stagecheck.config.Role;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.traffic.HttpProbe;
import dev.stagecheck.verdict.FindingKind;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import org.testng.SkipException;
import org.testng.annotations.Test;

import java.util.ArrayList;

/**
 * The guide's "roles and permissions set up wrong": every role of the profile (and the visitor,
 * without credentials) opens every URL of the access matrix and must get the answer the profile
 * says, one line per cell that differs. A role signs in once and keeps its browser state across
 * its URLs; the browser is reset between roles, so no role sees another's cookies or headers.
 */
@Feature("Access matrix")
public class AccessMatrixTest extends ChecklistTest {

    @Test(description = "Every role gets from every URL of the access matrix the answer the profile says")
    @Story("Each role gets what it must, and nothing more")
    public void everyRoleGetsTheAnswerItMust() {
        if (profile.access().isEmpty()) {
            throw new SkipException("the site profile " + profile.file() + " has no access matrix: set role.N.* and access.N.url"
                    + " with access.N.<role>=<answer> to check one");
        }
        var probe = new HttpProbe(Settings.current().httpTimeout());
        var cells = new ArrayList<AccessCell>();
        var failed = new ArrayList<String>();
        // Every role opens every URL it is given, signed in: one the safety rules refuse (a Dashboard that writes a draft,
        // a logout) is never opened, and the profile is told so, not quietly left out.
        var refused = new ArrayList<AccessRule>();
        for (var row : profile.access()) {
            profile.safety().refusal(url(row.url())).ifPresent(refusal -> {
                refused.add(row);
                failed.add("access." + row.n() + ".url " + row.url() + " is not opened for safety (" + refusal.rule()
                        + "): every role of its row would open it signed in; give a URL that only shows something,"
                        + " or re-admit it with crawl.allow if opening it changes nothing");
            });
        }
        var names = Role.columns(profile.roles());
        var first = true;
        for (var name : names) {
            var rows = profile.access().stream().filter(row -> row.expected(name).isPresent() && !refused.contains(row)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            if (!first) {
                // The last role's cookies and sign-in end here: nothing of it reaches this one. A browser that answered a Digest
                // challenge keeps those credentials for good: this role then gets a new browser.
                session = BrowserSessions.current(session.settings());
                session.resetForNextTest();
            }
            var visits = new RoleVisits(session, profile, probe);
            first = false;
            var role = profile.roles().stream().filter(r -> r.name().equals(name)).findFirst();
            try {
                cells.addAll(Allure.step("As " + name + role.map(r -> " (" + r.describe() + ")").orElse(" (no credentials)"),
                        () -> visits.visit(name, role, rows)));
            } catch (RoleVisits.SignInFailed e) {
                failed.add(FindingKind.ROLE_SIGN_IN_FAILED.message(e.getMessage() + "; its " + rows.size() + " cell(s) were not checked"));
                rows.forEach(row -> cells.add(AccessCell.notChecked(name, row.url(), row.api(), row.expected(name).orElseThrow(),
                        "could not sign in")));
            }
        }
        var loginPath = profile.login().map(SiteProfile.Login::pagePath);
        Allure.addAttachment("Access matrix", "text/plain", AccessMatrixTable.of(names, cells, loginPath), ".txt");
        var problems = new ArrayList<>(failed);
        cells.stream().filter(cell -> cell.differs(loginPath)).map(AccessCell::line).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problem(s) in the access matrix (the report's Access matrix attachment shows it all):\n"
                    + String.join("\n", problems));
        }
    }
}
