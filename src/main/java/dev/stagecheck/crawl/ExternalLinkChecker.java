package dev.stagecheck.crawl;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.traffic.HttpProbe;
import dev.stagecheck.url.SafeUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Checks links to other sites with a plain HTTP request each, a few at a time: whether they answer,
 * not what they link to (other sites are never crawled).
 */
final class ExternalLinkChecker {
    private static final Logger log = LoggerFactory.getLogger(ExternalLinkChecker.class);
    private static final int AT_A_TIME = 4;

    private final HttpProbe probe;

    ExternalLinkChecker(Duration timeout) {
        this.probe = new HttpProbe(timeout);
    }

    /** Each link (URL -> the page it was found on) with its status, in the order given. */
    List<ExternalLink> check(Map<String, String> links) {
        if (links.isEmpty()) {
            return List.of();
        }
        var pool = Executors.newFixedThreadPool(Math.min(AT_A_TIME, links.size()));
        try {
            var checks = links.entrySet().stream()
                    .map(link -> CompletableFuture.supplyAsync(() -> check(link.getKey(), link.getValue()), pool))
                    .toList();
            return checks.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private ExternalLink check(String url, String from) {
        ExternalLink link;
        try {
            link = new ExternalLink(SafeUrl.of(url), from, probe.get(url).status(), Optional.empty());
        } catch (ConfigException e) {
            link = new ExternalLink(SafeUrl.of(url), from, 0, Optional.of(e.getMessage()));
        }
        log.debug("external link {}: {}{}", link.url(), link.status() == 0 ? "ERR" : link.status(),
                link.error().map(error -> " (" + error + ")").orElse(""));
        return link;
    }
}
