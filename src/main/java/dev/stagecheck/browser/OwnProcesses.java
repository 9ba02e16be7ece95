package dev.stagecheck.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The processes a run started (drivers, browsers, Xvfb, a local Grid) found in the process table,
 * and killed when asking them to quit did not end them: a driver whose browser hangs, or a
 * Chromium whose driver died and left it to init, still loading pages.
 */
final class OwnProcesses {
    private OwnProcesses() {
    }

    /** Every process below this JVM, plus every one whose command line names one of {@code dirs} (a browser left to init). */
    static Set<ProcessHandle> ofThisRun(Set<Path> dirs) {
        var found = new LinkedHashSet<ProcessHandle>();
        ProcessHandle.current().descendants().forEach(found::add);
        found.addAll(using(dirs));
        return found;
    }

    /** The processes whose command line carries one of these folders (a browser's profile directory). */
    static Set<ProcessHandle> using(Set<Path> dirs) {
        var found = new LinkedHashSet<ProcessHandle>();
        if (dirs.isEmpty()) {
            return found;
        }
        var self = ProcessHandle.current().pid();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(process -> process.pid() != self)
                    .filter(process -> commandLine(process).map(line -> dirs.stream().anyMatch(dir -> line.contains(dir.toString()))).orElse(false))
                    .forEach(found::add);
        }
        return found;
    }

    /**
     * Every process of the Unix session {@code sid} (one the kit started with {@code setsid}): its
     * leader and everything below it, also what its browser left to init when it died (WebKit's web
     * processes outlive MiniBrowser). Empty where there is no /proc to read.
     */
    static Set<ProcessHandle> inSession(long sid) {
        var found = new LinkedHashSet<ProcessHandle>();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(process -> session(process.pid()) == sid).forEach(found::add);
        }
        return found;
    }

    /** The session id of a process, from /proc/PID/stat (the fourth field after the command's closing parenthesis). */
    private static long session(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[3]);
        } catch (IOException | RuntimeException e) {
            return -1; // Gone meanwhile, or no /proc: not one of the session's.
        }
    }

    /** Kills them at once (no browser needs to save anything) and waits for them, at most {@code bound}. */
    static void kill(Set<ProcessHandle> processes, Duration bound) {
        processes.forEach(ProcessHandle::destroyForcibly);
        var end = System.nanoTime() + bound.toNanos();
        for (var process : processes) {
            var left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception ignored) {
                // Still there after the bound, or not ours to wait for: nothing more a run can do.
            }
        }
    }

    private static java.util.Optional<String> commandLine(ProcessHandle process) {
        var info = process.info();
        return info.arguments().map(args -> String.join(" ", List.of(args))).or(info::commandLine);
    }
}
