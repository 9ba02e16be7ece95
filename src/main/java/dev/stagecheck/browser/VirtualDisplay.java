package dev.stagecheck.browser;

import dev.stagecheck.time.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An X display for browsers that cannot run headless (WebKitGTK's MiniBrowser). The user's own
 * DISPLAY wins (e.g. under {@code xvfb-run}); otherwise the kit starts one Xvfb for the whole JVM,
 * on loopback only, and stops it when the JVM exits.
 */
public final class VirtualDisplay {
    private static final Logger log = LoggerFactory.getLogger(VirtualDisplay.class);
    private static final int FIRST_DISPLAY = 90;
    private static final Duration XVFB_READY = Duration.ofSeconds(10);
    private static String started;
    private static Process xvfb;

    private VirtualDisplay() {
    }

    /** True when a display is set or one can be started (checked without starting it). */
    public static boolean possible() {
        var own = System.getenv("DISPLAY");
        return (own != null && !own.isBlank()) || Commands.onPath("Xvfb").isPresent();
    }

    /** The display to use, e.g. ":0" or ":91", or empty with no DISPLAY and no Xvfb to start. */
    public static synchronized Optional<String> ensure() {
        var own = System.getenv("DISPLAY");
        if (own != null && !own.isBlank()) {
            return Optional.of(own);
        }
        if (started != null && xvfb.isAlive()) {
            return Optional.of(started);
        }
        var binary = Commands.onPath("Xvfb");
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        for (int number = FIRST_DISPLAY; number < FIRST_DISPLAY + 20; number++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + number)) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                continue;
            }
            var display = ":" + number;
            if (start(binary.get(), display)) {
                return Optional.of(display);
            }
        }
        return Optional.empty();
    }

    private static boolean start(Path binary, String display) {
        try {
            var process = new ProcessBuilder(List.of(binary.toString(), display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // Xvfb is ready when its socket appears: wait for that explicitly, not a fixed time.
            var socket = Path.of("/tmp/.X11-unix/X" + display.substring(1));
            Deadline.after(XVFB_READY).poll(() -> !process.isAlive() || Files.exists(socket));
            if (!process.isAlive() || !Files.exists(socket)) {
                process.destroyForcibly();
                return false;
            }
            xvfb = process;
            started = display;
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stagecheck-xvfb-stop"));
            log.info("started a virtual display (Xvfb {}) for browsers that need a window", display);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
