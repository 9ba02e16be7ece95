package dev.stagecheck.config;

import java.net.URI;

/**
 * The site to test when no base.url is given. The built-in demo staging site registers itself
 * under META-INF/services; a kit without it asks for base.url.
 */
public interface DefaultSite {
    /** Starts the site (once) and returns its base URL without a trailing slash. */
    URI start();
}
