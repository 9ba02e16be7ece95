package dev.stagecheck.browser;

import dev.stagecheck.config.ConfigException;

/**
 * A browser that cannot run here (no driver, no display, no Grid node for it). A run that asked for
 * it alone stops with this line; a suite that lists several browsers skips this one with it.
 */
public final class BrowserUnavailableException extends ConfigException {
    public BrowserUnavailableException(String message) {
        super(message);
    }
}
