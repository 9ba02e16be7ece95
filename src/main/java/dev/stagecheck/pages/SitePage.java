package dev.stagecheck.pages;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.SiteProfile.Navigation;
import dev.stagecheck.config.SecretRef;
import io.qameta.allure.Step;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Any page of the site, seen through its navigation: the main menu (a hamburger on small screens) and section links. */
public final class SitePage extends PageObject {
    private final Navigation navigation;
    private final MenuToggle menu;

    public SitePage(BrowserSession session, Navigation navigation) {
        super(session);
        this.navigation = navigation;
        this.menu = new MenuToggle(driver, navigation.menuToggle());
    }

    @Step("Open {url}")
    public PageVisit open(String url) {
        return go(url);
    }

    /**
     * Opens a URL with Basic credentials in its user-info part, for browsers that cannot add an
     * Authorization header. The secrets travel only inside the navigation: steps, the URL shown
     * and the recorded traffic all carry the plain address.
     */
    @Step("Open {url} with the credentials of {username}")
    public PageVisit openWithBasicCredentials(String url, SecretRef username, SecretRef password) {
        var uri = URI.create(url);
        var userInfo = encode(username.value()) + ":" + encode(password.value());
        var withCredentials = uri.getScheme() + "://" + userInfo + "@" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return go(withCredentials);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether something this selector matches is shown now (a marker only some users may see), without waiting. */
    public boolean showsNow(String css) {
        return isVisible(css);
    }

    /** Where every link of the page shown now leads (absolute URLs, as the browser resolved them). */
    public List<String> linkTargets() {
        return links("a[href]").stream().map(Link::href).toList();
    }

    public List<Link> navigationLinks() {
        return links(navigation.links());
    }

    public List<Link> sectionLinks() {
        return navigation.sectionLinks().map(this::links).orElse(List.of());
    }

    /** Clicks a main-menu link, opening the hamburger first when the menu is collapsed. */
    @Step("Click navigation link {link}")
    public PageVisit clickNavigationLink(Link link) {
        return click(navigation.links(), link);
    }

    @Step("Click section link {link}")
    public PageVisit clickSectionLink(Link link) {
        return click(navigation.sectionLinks().orElseThrow(), link);
    }

    /** True when this page carries the link, so it can be clicked from here. */
    public boolean offersLink(String css, Link link) {
        return find(css, link).isPresent();
    }

    public boolean offersNavigationLink(Link link) {
        return offersLink(navigation.links(), link);
    }

    private PageVisit click(String css, Link link) {
        var element = find(css, link).orElseThrow(() -> new AssertionError(
                "Broken page: link " + link + " is not on " + currentUrl() + " any more"));
        if (!element.isDisplayed()) {
            menu.open();
        }
        var clickable = clickable(element, "the link " + link);
        return navigate(Optional.of(link.href()), clickable::click);
    }

    private Optional<WebElement> find(String css, Link link) {
        var element = script("return Array.from(document.querySelectorAll(arguments[0])).find(a => a.href === arguments[1]) || null;",
                css, link.href());
        return Optional.ofNullable((WebElement) element);
    }
}
