package dev.stagecheck.verdict;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.traffic.HttpProbe;
import dev.stagecheck.url.SafeUrl;

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
    private static volatile ServerLogWatch ofThisRun;

    private final SiteProfile.ServerLog spec;
    private final HttpProbe probe;
    private final long startPosition;

    private ServerLogWatch(SiteProfile.ServerLog spec, Duration timeout) {
        this.spec = spec;
        this.probe = new HttpProbe(timeout);
        this.startPosition = position();
    }

    /** Called when a run starts; does nothing for a profile without a server log. */
    public static void startOfRun(SiteProfile profile, Duration timeout) {
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

    public List<Finding> findings(List<String> expected401Paths) {
        var findings = new ArrayList<Finding>();
        for (var line : newLines()) {
            var matches = spec.patterns().stream().anyMatch(pattern -> pattern.matcher(line).find());
            var expected = expected401Paths.stream().anyMatch(path -> line.contains(path + " ") || line.contains(path + "?")
                    || line.contains(path + "\""));
            if (matches && !expected) {
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
            System.out.println("stagecheck: the server log " + location() + " cannot be read now (" + e.getMessage()
                    + "); its check will fail with the reason");
            return 0;
        }
    }
}
