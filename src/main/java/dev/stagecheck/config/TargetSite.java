package dev.stagecheck.config;

import java.net.URI;
import java.util.ServiceLoader;

/** The site under test: base.url, or the default site started on first use. */
public final class TargetSite {
    private static volatile URI baseUrl;

    private TargetSite() {
    }

    public static URI baseUrl() {
        var url = baseUrl;
        if (url == null) {
            synchronized (TargetSite.class) {
                if (baseUrl == null) {
                    baseUrl = Settings.current().baseUrl().orElseGet(TargetSite::startDefaultSite);
                }
                url = baseUrl;
            }
        }
        return url;
    }

    /** A profile URL as an absolute URL: paths are joined to base.url, absolute URLs kept. */
    public static String resolve(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return pathOrUrl;
        }
        var base = baseUrl().toString();
        return base + (pathOrUrl.startsWith("/") ? pathOrUrl : "/" + pathOrUrl);
    }

    /** True when the URL belongs to the site under test (same scheme, host and port). */
    public static boolean isSameOrigin(String url) {
        try {
            var target = baseUrl();
            var other = URI.create(url);
            return target.getScheme().equalsIgnoreCase(String.valueOf(other.getScheme()))
                    && target.getHost().equalsIgnoreCase(String.valueOf(other.getHost()))
                    && effectivePort(target) == effectivePort(other);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static URI startDefaultSite() {
        return ServiceLoader.load(DefaultSite.class).findFirst()
                .orElseThrow(() -> new ConfigException("no base.url given and no built-in demo site on the classpath: "
                        + "pass -Dbase.url=https://your-staging-site"))
                .start();
    }
}
