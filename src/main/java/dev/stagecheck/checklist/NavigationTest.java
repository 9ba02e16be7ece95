package dev.stagecheck.checklist;

import dev.stagecheck.config.TargetSite;
import dev.stagecheck.pages.Link;
import dev.stagecheck.pages.PageVisit;
import dev.stagecheck.pages.SitePage;
import dev.stagecheck.safety.RefusedLinks;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.Findings;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.annotations.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;


/** The guide's first check: click through the site's pages and sections; every page loads, nothing is locked out. */
@Feature("Navigation")
public class NavigationTest extends ChecklistTest {
    private static final Logger log = LoggerFactory.getLogger(NavigationTest.class);

    @Test(description = "Clicking every navigation link and every section link loads a titled page, with no 401 or 5xx on it")
    @Story("Click through pages and sections")
    public void everyNavigationLinkAndSectionLoads() {
        var page = new SitePage(session, profile.navigation());
        var visited = new LinkedHashSet<String>();
        var problems = new ArrayList<String>();
        // The pages the problems are on, so the headline counts pages against pages (a page may have several).
        var troubled = new LinkedHashSet<String>();
        var refused = new RefusedLinks();
        for (var start : profile.startUrls()) {
            var startUrl = url(start);
            var home = Allure.step("Open start page " + startUrl, () -> page.open(startUrl));
            check(home, "start page", problems, troubled);
            visited.add(withoutFragment(home.url()));
            var menu = clickable(page.navigationLinks(), visited, refused, startUrl);
            if (menu.isEmpty() && visited.size() == 1) {
                // Reported with whatever else the start page showed (a 401 on it explains a missing menu).
                problems.add(FindingKind.BROKEN_PAGE.message("nav.links '" + profile.navigation().links() + "' matches no link on "
                        + startUrl + (home.loaded() ? ": the menu is gone or the selector is wrong" : " (it answered " + home.statusText() + ")")));
                troubled.add(withoutFragment(home.url()));
            }
            for (var link : menu) {
                if (!visited.add(withoutFragment(link.href()))) {
                    continue;
                }
                if (!page.offersNavigationLink(link)) {
                    page.open(startUrl);
                }
                var section = Allure.step("Menu: " + link.text() + " -> " + link.href(), () -> page.clickNavigationLink(link));
                check(section, "menu link " + link, problems, troubled);
                for (var sub : clickable(page.sectionLinks(), visited, refused, section.url())) {
                    if (visited.add(withoutFragment(sub.href()))) {
                        var visit = Allure.step("Section: " + sub.text() + " -> " + sub.href(), () -> page.clickSectionLink(sub));
                        check(visit, "section link " + sub, problems, troubled);
                    }
                }
            }
        }
        Allure.addAttachment("Pages visited", "text/plain", String.join("\n", visited) + "\n", ".txt");
        if (refused.size() > 0) {
            log.info("navigation: " + refused.summary());
            Allure.addAttachment("Not visited for safety (" + refused.size() + " links)", "text/plain", refused.table(), ".txt");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problem(s) on " + troubled.size() + " of the " + visited.size() + " page(s) visited:\n"
                    + String.join("\n", problems));
        }
    }

    /** Each visit: the document answered 2xx/3xx, the page has a title, and nothing it loaded answered 401 or 5xx. */
    private void check(PageVisit visit, String how, List<String> problems, Set<String> troubled) {
        var before = problems.size();
        try {
            assertLoaded(visit, how);
        } catch (AssertionError e) {
            problems.add(e.getMessage());
        }
        if (problems.size() == before && visit.title().isBlank()) {
            problems.add(FindingKind.BROKEN_PAGE.message(visit.url() + " (" + how + ") has no title"));
        }
        if (problems.size() == before) {
            var lockOuts = Findings.of(responseRule().lockOuts(session.traffic().since(visit.trafficFrom())));
            Accepting.sort(profile, lockOuts, List.of()).all().forEach(finding -> problems.add(finding.line()));
        }
        if (problems.size() > before) {
            troubled.add(withoutFragment(visit.url()));
        }
    }

    /** Same-site links not yet visited that the safety policy lets the kit click (refused ones are listed, not clicked). */
    private List<Link> clickable(List<Link> links, Set<String> visited, RefusedLinks refused, String on) {
        var seen = new LinkedHashSet<String>();
        return links.stream()
                .filter(link -> TargetSite.isSameOrigin(link.href()))
                .filter(link -> {
                    var refusal = profile.safety().refusal(link.href());
                    refusal.ifPresent(r -> refused.add(r, on));
                    return refusal.isEmpty();
                })
                .filter(link -> !visited.contains(withoutFragment(link.href())))
                .filter(link -> seen.add(withoutFragment(link.href())))
                .toList();
    }

    private static String withoutFragment(String url) {
        var hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
