package dev.stagecheck.pages;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.SiteProfile.Search;
import dev.stagecheck.config.TargetSite;
import io.qameta.allure.Step;
import org.openqa.selenium.Keys;

/** The site's search box and the results page it leads to. */
public final class SearchBox extends PageObject {
    private final Search search;

    public SearchBox(BrowserSession session, Search search) {
        super(session);
        this.search = search;
    }

    @Step("Open the page with the search box")
    public PageVisit open() {
        return go(TargetSite.resolve(search.url()));
    }

    @Step("Search for '{query}'")
    public PageVisit searchFor(String query) {
        type(search.input(), query);
        var input = present(search.input());
        return search.submit().map(button -> submit(present(button)))
                .orElseGet(() -> submit(input, () -> input.sendKeys(Keys.ENTER)));
    }

    @Override
    protected String named(String css) {
        return css.equals(search.resultsMarker()) ? "the search results ('" + css + "')" : "the search box ('" + css + "')";
    }

    public boolean showsResults() {
        return appears(search.resultsMarker(), session.settings().elementTimeout());
    }

    public String resultsText() {
        return visible(search.resultsMarker()).getText();
    }
}
