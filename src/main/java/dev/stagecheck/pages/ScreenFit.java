package dev.stagecheck.pages;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.SiteProfile.Navigation;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;

import java.util.List;
import java.util.Map;

/**
 * How the page shown now fits the device's screen: whether it scrolls sideways (content wider than
 * the viewport, the usual mobile regression) and whether the main menu can be reached, directly or
 * through the hamburger.
 */
public final class ScreenFit extends PageObject {
    /** Content may stick out by a pixel through rounding; more than that scrolls sideways. */
    private static final int TOLERANCE_PX = 1;
    private static final String MEASURE = "const width = document.documentElement.clientWidth;"
            + "const wide = Array.from(document.body ? document.body.querySelectorAll('*') : [])"
            + ".filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > width + arguments[0])"
            + ".slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
            + " + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')"
            + " + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');"
            + "return {viewport: width, page: document.documentElement.scrollWidth, wide: wide};";

    private final Navigation navigation;
    private final MenuToggle menu;

    public ScreenFit(BrowserSession session, Navigation navigation) {
        super(session);
        this.navigation = navigation;
        this.menu = new MenuToggle(driver, navigation.menuToggle());
    }

    /** The viewport's width, the page's full width, and the first elements reaching past the right edge. */
    public record Measure(int viewportWidth, int pageWidth, List<String> widest) {
        public boolean scrollsSideways() {
            return pageWidth > viewportWidth + TOLERANCE_PX;
        }
    }

    @SuppressWarnings("unchecked")
    public Measure measure() {
        var result = (Map<String, Object>) script(MEASURE, TOLERANCE_PX);
        return new Measure(((Number) result.get("viewport")).intValue(), ((Number) result.get("page")).intValue(),
                ((List<Object>) result.get("wide")).stream().map(String::valueOf).toList());
    }

    /** True when a main-menu link is visible, or becomes visible after opening the shown menu toggle. */
    public boolean menuIsReachable() {
        if (isVisible(navigation.links())) {
            return true;
        }
        if (!menu.open()) {
            return false;
        }
        try {
            return appears(navigation.links(), session.settings().elementTimeout());
        } catch (WebDriverException e) {
            return false;
        }
    }

    public byte[] screenshot() {
        return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    }
}
