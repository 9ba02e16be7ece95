package dev.stagecheck.browser;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.OneLine;
import dev.stagecheck.config.Settings;
import dev.stagecheck.traffic.HttpProbe;
import dev.stagecheck.url.SafeUrl;
import dev.stagecheck.config.BrowserKind;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.HasDevTools;
import org.openqa.selenium.edge.EdgeOptions;
import org.openqa.selenium.firefox.FirefoxOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.remote.Augmenter;
import org.openqa.selenium.remote.CapabilityType;
import org.openqa.selenium.remote.HttpCommandExecutor;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.safari.SafariOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Browsers on a Selenium Grid 4 ({@code -Dgrid.url}). Chromium-family sessions keep the kit's
 * network witness: the Grid relays Chrome DevTools, reached through Selenium's Augmenter. A browser
 * no node offers is skipped with the list of what the Grid does offer.
 */
final class GridFactory implements BrowserFactory {
    private static final String MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
    private final URI grid;

    GridFactory(URI grid) {
        this.grid = grid;
    }

    @Override
    public Optional<String> unavailable(Settings settings) {
        var offered = offeredBrowsers(grid, settings.httpTimeout());
        var wanted = settings.browser().gridName();
        if (offered.stream().noneMatch(name -> name.equalsIgnoreCase(wanted))) {
            return Optional.of("the Selenium Grid at " + SafeUrl.of(grid.toString()) + " has no node for " + settings.browser().key()
                    + " (browserName " + wanted + "; it offers " + (offered.isEmpty() ? "nothing yet" : String.join(", ", offered))
                    + "): add such a node or leave " + settings.browser().key() + " out");
        }
        return Optional.empty();
    }

    @Override
    public StartedBrowser start(Settings settings) {
        unavailable(settings).ifPresent(reason -> {
            throw new BrowserUnavailableException(reason);
        });
        try {
            // The Grid may queue a request while its nodes are busy: allow for that and a slow page.
            var config = ClientConfig.defaultConfig().baseUri(grid).readTimeout(settings.pageTimeout().plusSeconds(60));
            var remote = new RemoteWebDriver(new HttpCommandExecutor(config), capabilities(settings));
            WebDriver driver = settings.browser().speaksCdp() ? new Augmenter().augment(remote) : remote;
            driver.manage().timeouts().pageLoadTimeout(settings.pageTimeout());
            driver.manage().timeouts().scriptTimeout(settings.pageTimeout());
            if (!settings.browser().speaksCdp()) {
                driver.manage().window().setSize(new Dimension(settings.device().width(), settings.device().height()));
            }
            var devTools = driver instanceof HasDevTools && remote.getCapabilities().getCapability("se:cdp") != null;
            var node = remote.getCapabilities();
            return new StartedBrowser(driver, devTools, settings.browser().key() + " " + node.getBrowserVersion()
                    + " on the Selenium Grid at " + SafeUrl.of(grid.toString()) + " (session " + remote.getSessionId() + ")", () -> { });
        } catch (WebDriverException e) {
            throw new BrowserUnavailableException("the Selenium Grid at " + SafeUrl.of(grid.toString()) + " did not start "
                    + settings.browser().key() + " (" + OneLine.of(e.getMessage()) + "): check the Grid's node logs");
        }
    }

    private static Capabilities capabilities(Settings settings) {
        var device = settings.device();
        return switch (settings.browser()) {
            case CHROMIUM, CHROME -> ChromiumFactory.commonOptions(settings, new ChromeOptions());
            case EDGE -> ChromiumFactory.commonOptions(settings, new EdgeOptions());
            case FIREFOX -> {
                var options = new FirefoxOptions();
                if (settings.headless()) {
                    options.addArguments("-headless");
                }
                if (device.touch()) {
                    options.addPreference("general.useragent.override", ChromiumFactory.userAgent(device));
                }
                // Browsers without DevTools dismiss a dialog the kit did not answer itself (see DriverPage).
                options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.DISMISS);
                yield options;
            }
            case SAFARI -> new SafariOptions().setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.DISMISS);
            case WEBKIT -> {
                // A WebKitGTK node (a relay to WebKitWebDriver) matches on browserName; without it the
                // Grid keeps the request queued until the client gives up.
                var caps = new MutableCapabilities();
                caps.setCapability("browserName", BrowserKind.WEBKIT.gridName());
                var args = new ArrayList<>(List.of("--automation"));
                if (device.touch()) {
                    args.add("--user-agent=" + ChromiumFactory.userAgent(device));
                }
                caps.setCapability("webkitgtk:browserOptions", Map.of("binary", MINIBROWSER, "args", args));
                caps.setCapability(CapabilityType.UNHANDLED_PROMPT_BEHAVIOUR, "dismiss");
                yield caps;
            }
        };
    }

    /** The browserNames of the Grid's node slots, from its /status; an unreachable Grid is bad input. */
    static Set<String> offeredBrowsers(URI grid, Duration timeout) {
        var status = URI.create(grid.toString().replaceAll("/+$", "") + "/status");
        try {
            var client = HttpClient.newBuilder().connectTimeout(timeout).build();
            var response = client.send(HttpRequest.newBuilder(status).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ConfigException("grid.url " + SafeUrl.of(grid.toString()) + " answered " + response.statusCode()
                        + " at /status: give the address of a Selenium Grid 4 hub or standalone, e.g. http://grid:4444");
            }
            var names = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
            collectBrowserNames(new Json().toType(response.body(), Json.MAP_TYPE), names);
            return names;
        } catch (IOException | IllegalArgumentException e) {
            // The same words as for an unreachable site (connection refused, host name not found, ...).
            var why = HttpProbe.unreachable(status.toString(), e).getMessage().replaceFirst("^.* is unreachable \\((.*?)\\): .*$", "$1");
            throw new ConfigException("the Selenium Grid at " + SafeUrl.of(grid.toString()) + " is unreachable ("
                    + OneLine.of(why) + "): start it or fix grid.url");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while asking the Selenium Grid what it offers");
        }
    }

    /** Walks value.nodes[].slots[].stereotype.browserName without binding to the whole status schema. */
    private static void collectBrowserNames(Object json, Set<String> names) {
        if (json instanceof Map<?, ?> map) {
            if (map.get("stereotype") instanceof Map<?, ?> stereotype && stereotype.get("browserName") instanceof String name) {
                names.add(name);
            }
            map.values().forEach(value -> collectBrowserNames(value, names));
        } else if (json instanceof List<?> list) {
            list.forEach(value -> collectBrowserNames(value, names));
        }
    }
}
