package dev.stagecheck.traffic;

import java.util.Optional;

/**
 * The witness for WebKit on a plain-http site: the browser's requests pass through a
 * {@link RecordingProxy}, which records every response as the browser got it (documents and
 * sub-resources, a script's requests too) and takes the login challenge out of the browser's way.
 * Nothing is asked of the site twice.
 */
public final class ProxyWitness implements NetworkWitness {
    public static final String METHOD = "recording HTTP proxy between the browser and the site (every request the browser"
            + " sends, as it got the answer; this browser reports no network events); console messages are not available";

    private final RecordingProxy proxy;

    public ProxyWitness(RecordingProxy proxy, Traffic traffic) {
        this.proxy = proxy;
        traffic.method(METHOD);
    }

    /** A typed URL with user:password: the proxy sends them below its path, as the browser would after the challenge. */
    @Override
    public Optional<Exchange> beforeNavigation(String url) {
        TypedCredentials.of(url).ifPresent(proxy::credentials);
        return Optional.empty();
    }

    @Override
    public void forget() {
        proxy.forget();
    }

    @Override
    public void close() {
        proxy.close();
    }
}
