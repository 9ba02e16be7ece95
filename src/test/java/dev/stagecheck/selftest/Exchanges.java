package dev.stagecheck.selftest;

import dev.stagecheck.traffic.Exchange;

import java.util.List;
import java.util.Optional;

/** Recorded responses for the kit's own unit tests: a page, a sub-resource of http://h/, a load that got no answer. */
final class Exchanges {
    private Exchanges() {
    }

    static Exchange page(String url, int status) {
        return new Exchange("GET", url, status, "Document", true, "", List.of(), Optional.empty());
    }

    static Exchange resource(String url, int status, String type) {
        return new Exchange("GET", url, status, type, false, "http://h/", List.of(), Optional.empty());
    }

    static Exchange failed(String url) {
        return new Exchange("GET", url, 0, "Document", true, "", List.of(), Optional.of("net::ERR_CONNECTION_REFUSED"));
    }
}
