package dev.stagecheck.crawl;

import java.util.Optional;

/** A link to another site, checked with a plain HTTP request (not crawled). */
public record ExternalLink(String url, String from, int status, Optional<String> error) {

    public boolean broken() {
        return status == 0 || status >= 400;
    }
}
