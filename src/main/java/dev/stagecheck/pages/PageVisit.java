package dev.stagecheck.pages;

import dev.stagecheck.traffic.Exchange;

import java.util.Optional;

/**
 * Where a navigation ended: the URL the browser shows, the status its document answered with (from
 * the network witness), its title, and the traffic position it started at (to look at what it loaded).
 */
public record PageVisit(String url, int status, String title, Optional<Exchange> response, int trafficFrom) {

    public boolean loaded() {
        return status >= 200 && status < 400;
    }

    public String statusText() {
        return response.map(Exchange::statusText).orElse("no document response seen");
    }
}
