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

    private ServerLogWatch(SiteProfile.ServerLog spec, Duration timeout) {
        this.spec = spec;
        this.probe = new HttpProbe(timeout);
        this.startPosition = position();
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
            return lines.subList((int) Math.min(startPosition, lines.size()), lines.size());
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

    private long position() {
        try {
            if (spec.isUrl()) {
                return probe.text(location()).lines().count();
            }
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
