package dev.stagecheck.browser;

import dev.stagecheck.config.Settings;

import java.util.Optional;

/** Starts one kind of browser: on this machine, or on a Selenium Grid. */
interface BrowserFactory {

    /**
     * Why this browser cannot run with these settings, or empty when it can. Cheap: no browser is
     * started (an allowed OS package install may run, once).
     */
    Optional<String> unavailable(Settings settings);

    StartedBrowser start(Settings settings);

    /** The factory for the settings' browser: a Grid when grid.url is set, else the local one of that kind. */
    static BrowserFactory of(Settings settings) {
        if (settings.gridUrl().isPresent()) {
            return new GridFactory(settings.gridUrl().get());
        }
        return switch (settings.browser()) {
            case CHROMIUM, CHROME -> new ChromiumFactory();
            case WEBKIT -> new WebKitFactory();
            case FIREFOX, EDGE, SAFARI -> new LocalDriverFactory();
        };
    }
}
