package dev.stagecheck.verdict;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.traffic.HttpProbe;
import dev.stagecheck.url.SafeUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's own log, where the profile says one can be read: a file on this machine, or a URL
 * that serves it. Remembers where the log ended when the run started, and later turns the lines
 * added since then that match the profile's patterns into findings, leaving out lines about URLs
 * that are meant to answer 401 (the checklist asks those on purpose).
 */
public final class ServerLogWatch {
    private static final Logger log = LoggerFactory.getLogger(ServerLogWatch.class);
    private static volatile ServerLogWatch ofThisRun;
    /** What this check looks for in every line the log gained. */
    public static final List<FindingKind> KINDS = List.of(FindingKind.SERVER_LOG);

    private final SiteProfile.ServerLog spec;
    private final HttpProbe probe;
    private final long startPosition;
    /**
     * The last lines a served log showed when the run started: where the run's own lines begin, even in
     * a log that keeps only its newest lines (a "last 10,000 lines" page), whose length then stays put.
     */
    private final List<String> startTail;
    private static final int TAIL_LINES = 5;

    private ServerLogWatch(SiteProfile.ServerLog spec, Duration timeout) {
        this.spec = spec;
        this.probe = new HttpProbe(timeout);
        var served = spec.isUrl() ? served() : List.<String>of();
        this.startPosition = spec.isUrl() ? served.size() : position();
        this.startTail = List.copyOf(served.subList(Math.max(0, served.size() - TAIL_LINES), served.size()));
        log.debug("server log {}: watching from {} {}", SafeUrl.of(location()), startPosition, spec.isUrl() ? "line(s)" : "byte(s)");
    }

    /** Called when a run starts; does nothing for a profile without a server log. */
    public static void startOfRun(SiteProfile profile, Duration timeout) {
        if (profile.serverLog().isEmpty()) {
            log.debug("server log: the profile names none, so none is watched");
        }
        ofThisRun = profile.serverLog().map(spec -> new ServerLogWatch(spec, timeout)).orElse(null);
    }

    public static java.util.Optional<ServerLogWatch> ofThisRun() {
        return java.util.Optional.ofNullable(ofThisRun);
    }

    public String location() {
        return spec.isUrl() ? TargetSite.resolve(spec.location()) : spec.location();
    }

    /** Lines added since the run started. */
    public List<String> newLines() {
        if (spec.isUrl()) {
            var lines = probe.text(location()).lines().toList();
            return lines.subList(firstNewLine(lines), lines.size());
        }
        var file = Path.of(spec.location());
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            var start = startPosition <= in.length() ? startPosition : 0; // rotated: read it all
            var bytes = new byte[(int) Math.min(in.length() - start, 64L * 1024 * 1024)];
            in.seek(start);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new ConfigException("server log " + file + " cannot be read (" + e.getMessage() + "): check server.log.file");
        }
    }

    /** The new lines that match the profile's patterns, leaving out the 401s the {@link ResponseRule} expects. */
    public List<Finding> findings(ResponseRule rule) {
        var findings = new ArrayList<Finding>();
        var lines = newLines();
        log.debug("server log {}: {} line(s) since the run started", SafeUrl.of(location()), lines.size());
        for (var line : lines) {
            var matches = spec.patterns().stream().anyMatch(pattern -> pattern.matcher(line).find());
            if (matches && !rule.expectsLogged401(line)) {
                // Log lines carry whatever the server logged: mask secret-looking URL parts before they reach a report.
                findings.add(new Finding(FindingKind.SERVER_LOG, location(), "", SafeUrl.of(line.strip())));
            }
        }
        return findings;
    }

    /**
     * Where the lines added since the start begin in the log served now: after the lines that ended it
     * then, found where they were or, if the log dropped its oldest lines since, that many lines earlier.
     * A log whose start lines are all gone (rotated) is new from its first line.
     */
    private int firstNewLine(List<String> lines) {
        if (startTail.isEmpty()) {
            return 0;
        }
        for (int at = (int) Math.min(startPosition, lines.size()) - startTail.size(); at >= 0; at--) {
            if (lines.subList(at, at + startTail.size()).equals(startTail)) {
                return at + startTail.size();
            }
        }
        return 0;
    }

    /** The served log's lines now; none when it cannot be read (its check then fails with the reason). */
    private List<String> served() {
        try {
            return probe.text(location()).lines().toList();
        } catch (ConfigException e) {
            log.info("the server log {} cannot be read now ({}); its check will fail with the reason",
                    SafeUrl.of(location()), SafeUrl.of(e.getMessage()));
            return List.of();
        }
    }

    private long position() {
        try {
            var file = Path.of(spec.location());
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException | ConfigException e) {
            // The location comes from the profile and may be a URL with a key in its query.
            log.info("the server log {} cannot be read now ({}); its check will fail with the reason",
                    SafeUrl.of(location()), SafeUrl.of(e.getMessage()));
            return 0;
        }
    }
}
