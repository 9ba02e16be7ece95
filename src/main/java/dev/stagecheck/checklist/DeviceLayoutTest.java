package dev.stagecheck.checklist;

import dev.stagecheck.config.TargetSite;
import dev.stagecheck.pages.Link;
import dev.stagecheck.pages.ScreenFit;
import dev.stagecheck.pages.SitePage;
import dev.stagecheck.safety.RefusedLinks;
import dev.stagecheck.verdict.FindingKind;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import org.testng.annotations.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;

/**
 * The guide's "test on desktop, laptop, tablet and mobile": every page of the main menu fits the
 * device's screen (no sideways scrolling) and the menu can be reached (through the hamburger on
 * small screens). Each page gets a screenshot per device and browser in the report.
 */
@Feature("Devices")
public class DeviceLayoutTest extends ChecklistTest {

    @Test(description = "Every page of the main menu fits the device's screen and its menu can be reached, with a screenshot of each")
    @Story("Pages fit every device")
    public void everyMenuPageFitsTheScreen() {
        var device = session.settings().device();
        var browser = session.settings().browser().key();
        var site = new SitePage(session, profile.navigation());
        var fit = new ScreenFit(session, profile.navigation());
        var pages = new LinkedHashSet<String>();
        for (var start : profile.startUrls()) {
            pages.add(url(start));
        }
        var first = pages.iterator().next();
        assertLoaded(site.open(first), "start page");
        var refused = new RefusedLinks();
        site.navigationLinks().stream().map(Link::href)
                .filter(TargetSite::isSameOrigin)
                .filter(href -> {
                    var refusal = profile.safety().refusal(href);
                    refusal.ifPresent(r -> refused.add(r, first));
                    return refusal.isEmpty();
                })
                .map(href -> href.replaceFirst("#.*$", ""))
                .forEach(pages::add);
        if (refused.size() > 0) {
            Allure.addAttachment("Not visited for safety (" + refused.size() + " links)", "text/plain", refused.table(), ".txt");
        }

        var problems = new ArrayList<String>();
        for (var page : pages) {
            var visit = Allure.step("Open " + page + " on " + device, () -> site.open(page));
            try {
                assertLoaded(visit, "menu page");
            } catch (AssertionError e) {
                problems.add(e.getMessage());
                continue;
            }
            var measure = fit.measure();
            Allure.addAttachment(device.key() + " " + browser + " " + URI.create(page).getPath(), "image/png",
                    new ByteArrayInputStream(fit.screenshot()), ".png");
            if (measure.scrollsSideways()) {
                problems.add(FindingKind.BROKEN_PAGE.message(page + " scrolls sideways on " + device + ": the page is "
                        + measure.pageWidth() + " px wide in a " + measure.viewportWidth() + " px viewport"
                        + (measure.widest().isEmpty() ? "" : " (reaching past the edge: " + String.join(", ", measure.widest()) + ")")));
            }
            if (!fit.menuIsReachable()) {
                problems.add(FindingKind.BROKEN_PAGE.message(page + " on " + device + ": no main-menu link ('" + profile.navigation().links()
                        + "') is visible and no menu toggle" + profile.navigation().menuToggle().map(t -> " ('" + t + "')").orElse("")
                        + " opens one: the menu cannot be reached"));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " of " + pages.size() + " pages have problems on " + device + ":\n"
                    + String.join("\n", problems));
        }
    }
}
