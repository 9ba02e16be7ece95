package dev.stagecheck.checklist;

import dev.stagecheck.pages.SearchBox;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import org.testng.annotations.Test;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** The guide's "test interactive elements": the search bar leads to a results page. */
@Feature("Search")
public class SearchTest extends ChecklistTest {

    @Test(description = "A search shows a results page that answers 200 and echoes the query")
    @Story("Search works")
    public void searchShowsResultsForTheQuery() {
        var spec = described(profile.search(), "search.input");
        var search = new SearchBox(session, spec);
        assertLoaded(search.open(), "page with the search box");
        var results = search.searchFor(spec.query());
        assertLoaded(results, "search results");
        assertEquals(results.status(), 200, "the results page " + results.url() + " should answer 200");
        assertTrue(search.showsResults(), "the results page " + results.url() + " should show '" + spec.resultsMarker() + "'");
        var text = search.resultsText();
        assertTrue(text.toLowerCase().contains(spec.query().toLowerCase()), "the results on " + results.url()
                + " should echo the query '" + spec.query() + "', but show: " + abbreviate(text));
    }

    private static String abbreviate(String text) {
        var oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
