package com.example.checks;

import dev.stagecheck.checklist.ChecklistTest;
import dev.stagecheck.pages.SitePage;
import dev.stagecheck.verdict.FindingKind;
import io.qameta.allure.Feature;
import org.openqa.selenium.By;
import org.testng.annotations.Test;

/** A check of our own: the pricing page stays public after the 401 fix, and still shows its prices. */
@Feature("Our own checks")
public class PricingPageTest extends ChecklistTest {
    private static final FindingKind MISSING_CONTENT = FindingKind.define("Missing content");

    @Test(description = "The pricing page is public and shows its prices")
    public void pricingPageIsPublicAndShowsPrices() {
        var visit = new SitePage(session, profile.navigation()).open(url(custom("pricing.url")));
        assertLoaded(visit, "pricing page");
        var text = custom("pricing.text");
        if (!session.driver().findElement(By.tagName("body")).getText().contains(text)) {
            throw new AssertionError(MISSING_CONTENT.message(visit.url() + " does not show '" + text
                    + "': check the page, or custom.pricing.text in the profile"));
        }
    }
}
