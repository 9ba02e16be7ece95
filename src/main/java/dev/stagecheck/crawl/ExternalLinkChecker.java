package dev.stagecheck.crawl;

import dev.stagecheck.traffic.HttpProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
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
public final class ExternalLinkChecker {
    private static final Logger log = LoggerFactory.getLogger(ExternalLinkChecker.class);
    private static final int AT_A_TIME = 4;

    private final HttpProbe probe;
    /** Said once per crawler (its visitor and member crawls check the same links). */
    private volatile boolean saidNoNames;

    public ExternalLinkChecker(Duration timeout) {
        this.probe = new HttpProbe(timeout);
    }

    /**
     * Each link (URL -> the page it was found on) with its status, in the order given. When not one
     * host name resolved, over two hosts or more, it is this machine that resolves none (no DNS):
     * one line says so and the links are marked not checked, not reported one by one as broken.
     */
    public List<ExternalLink> check(Map<String, String> links) {
        if (links.isEmpty()) {
            return List.of();
        }
        var pool = Executors.newFixedThreadPool(Math.min(AT_A_TIME, links.size()));
        List<Checked> checked;
        try {
            var checks = links.entrySet().stream()
                    .map(link -> CompletableFuture.supplyAsync(() -> check(link.getKey(), link.getValue()), pool))
                    .toList();
            checked = checks.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
        var hosts = checked.stream().map(c -> host(c.link().url())).distinct().count();
        if (hosts >= 2 && checked.stream().allMatch(Checked::unresolved)) {
            if (!saidNoNames) {
                saidNoNames = true;
                log.info(NO_NAMES);
            }
            return checked.stream().map(c -> new ExternalLink(c.link().url(), c.link().from(), 0,
                    Optional.of(ExternalLink.NOT_CHECKED + "this machine cannot resolve host names"))).toList();
        }
        return checked.stream().map(Checked::link).toList();
    }

    /** The one line of a crawl on a machine without name resolution. */
    public static final String NO_NAMES = "external links not checked: this machine cannot resolve host names";

    private record Checked(ExternalLink link, boolean unresolved) {}

    private Checked check(String url, String from) {
        var answer = probe.checkLink(url);
        var link = new ExternalLink(answer.url(), from, answer.status(), answer.failure());
        log.debug("external link {}: {}{}", link.url(), link.status() == 0 ? "ERR" : link.status(),
                link.error().map(error -> " (" + error + ")").orElse(""));
        return new Checked(link, answer.unresolved());
    }

    private static String host(String url) {
        try {
            return String.valueOf(URI.create(url).getHost());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
