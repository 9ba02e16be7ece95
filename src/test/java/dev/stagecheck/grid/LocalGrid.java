package dev.stagecheck.grid;

import dev.stagecheck.browser.VirtualDisplay;
import dev.stagecheck.selftest.ProjectFiles;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Selenium Grid 4 on this machine, for tests that drive the kit through {@code -Dgrid.url}:
 * a hub and a Chromium node (two sessions), each its own JVM on 127.0.0.1 with free ports, and,
 * when WebKitWebDriver and an X display are there, a relay node in front of a WebKitWebDriver for
 * MiniBrowser. Start-up waits for the hub's {@code /status} to list the nodes, within a deadline,
 * and fails with one line saying why. {@link #close()} stops every process it started, with their
 * children (chromedriver, Chromium, MiniBrowser). Logs and node configs go to
 * {@code target/selenium-grid/}.
 */
public final class LocalGrid implements AutoCloseable {
    public static final String CHROME = "chrome";
    public static final String MINIBROWSER = "MiniBrowser";
    public static final Path WEBKIT_DRIVER = Path.of("/usr/bin/WebKitWebDriver");
    public static final Path MINIBROWSER_BINARY = Path.of("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser");
    private static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(250);

    /** The Grid could not be started; the message is one line naming the cause and the log to read. */
    public static final class CannotStart extends RuntimeException {
        CannotStart(String reason) {
            super(reason);
        }
    }

    private final Path dir;
    private final URI url;
    private final List<ServerProcess> processes = new ArrayList<>();
    private ServerProcess webkitDriver;
    private ServerProcess webkitRelay;
    private String webkitAbsent;

    private LocalGrid(Path dir, URI url) {
        this.dir = dir;
        this.url = url;
    }

    /** Starts hub, Chromium node and (when possible) the WebKit relay, and waits up to 120 s for them. */
    public static LocalGrid start() {
        return start(DEFAULT_DEADLINE);
    }

    public static LocalGrid start(Duration deadline) {
        var jars = GridJars.locate();
        jars.missing().ifPresent(reason -> {
            throw new CannotStart("cannot start a local Selenium Grid: " + reason);
        });
        for (var binary : List.of(NodeConfig.CHROMEDRIVER, NodeConfig.CHROMIUM)) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new CannotStart("cannot start a local Selenium Grid: no " + binary
                        + " for its Chromium node (apt-get install chromium chromium-driver)");
            }
        }
        var dir = ProjectFiles.projectDir().resolve("target/selenium-grid");
        var hubPort = FreePort.onLoopback();
        var grid = new LocalGrid(dir, URI.create("http://127.0.0.1:" + hubPort));
        try {
            grid.launch(jars, hubPort, deadline);
            return grid;
        } catch (RuntimeException e) {
            grid.close();
            throw e instanceof CannotStart ? e : new CannotStart("cannot start a local Selenium Grid: " + e.getMessage());
        }
    }

    /** The hub, for {@code -Dgrid.url} and {@code RemoteWebDriver}. */
    public URI url() {
        return url;
    }

    /** Where the logs are: hub.log, node-chromium.log, node-webkit.log, webkitwebdriver.log. */
    public Path logDir() {
        return dir;
    }

    public Path log(String name) {
        return dir.resolve(name + ".log");
    }

    /** Empty when the Grid has a WebKit (MiniBrowser) node; else why not. */
    public Optional<String> webkitAbsent() {
        return Optional.ofNullable(webkitAbsent);
    }

    /** The hub's status now. */
    public GridStatus status() {
        return GridStatus.fetch(url).orElseThrow(() -> new IllegalStateException("the local Grid's hub at " + url + " does not answer /status"));
    }

    private void launch(GridJars jars, int hubPort, Duration deadline) {
        var display = webkitDisplay();
        var env = new HashMap<String, String>();
        display.ifPresent(value -> env.put("DISPLAY", value));
        var bus = NodeConfig.EventBus.onFreePorts();
        if (display.isPresent()) {
            var driverPort = FreePort.onLoopback();
            webkitDriver = started(ServerProcess.start("WebKitWebDriver", List.of(WEBKIT_DRIVER.toString(),
                    "--port=" + driverPort, "--host=127.0.0.1"), env, log("webkitwebdriver")));
            // Wait until it answers: the relay node would report it DOWN if it registered first.
            if (waitForHttp(URI.create("http://127.0.0.1:" + driverPort), webkitDriver, Duration.ofSeconds(10))) {
                webkitRelay = started(grid(jars, "WebKit relay node", "node-webkit", env, "node", "--config",
                        NodeConfig.webkitRelay(dir.resolve("node-webkit.toml"), FreePort.onLoopback(), bus, url.toString(), driverPort).toString()));
            } else {
                dropWebkit(webkitDriver.alive() ? "WebKitWebDriver did not answer /status within 10 s (log " + webkitDriver.log() + ")"
                        : webkitDriver.describeExit());
            }
        }
        var hub = started(grid(jars, "hub", "hub", env, "hub", "--host", "127.0.0.1", "--port", String.valueOf(hubPort),
                "--publish-events", bus.publish(), "--subscribe-events", bus.subscribe()));
        var chromium = started(grid(jars, "Chromium node", "node-chromium", env, "node", "--config",
                NodeConfig.chromium(dir.resolve("node-chromium.toml"), FreePort.onLoopback(), bus, url.toString(), 2).toString()));
        awaitNodes(hub, chromium, deadline);
    }

    /**
     * Polls the hub until it is ready with the Chromium node and, if one was started, the WebKit
     * relay. WebKit is optional: when its relay dies or misses the deadline, the Grid goes on
     * without it and says why.
     */
    private void awaitNodes(ServerProcess hub, ServerProcess chromium, Duration deadline) {
        var end = System.nanoTime() + deadline.toNanos();
        while (true) {
            for (var process : List.of(hub, chromium)) {
                if (!process.alive()) {
                    throw new CannotStart("cannot start a local Selenium Grid: " + process.describeExit());
                }
            }
            if (webkitRelay != null && !webkitRelay.alive()) {
                dropWebkit(webkitRelay.describeExit());
            }
            var status = GridStatus.fetch(url);
            var chromeUp = status.map(s -> s.ready() && s.offers(CHROME)).orElse(false);
            var webkitUp = webkitRelay == null || status.map(s -> s.offers(MINIBROWSER)).orElse(false);
            if (chromeUp && webkitUp) {
                return;
            }
            if (System.nanoTime() > end) {
                if (chromeUp) {
                    dropWebkit("the WebKit relay node did not register with the hub within " + deadline.toSeconds()
                            + " s (it last logged: " + webkitRelay.telling() + "; log " + webkitRelay.log() + ")");
                    return;
                }
                var culprit = status.isEmpty() ? hub : chromium;
                throw new CannotStart("the local Selenium Grid was not ready within " + deadline.toSeconds() + " s: "
                        + (status.isEmpty() ? "the hub never answered " + url + "/status" : "no Chromium node registered")
                        + " (the " + culprit.name() + " last logged: " + culprit.telling() + "; log " + culprit.log() + ")");
            }
            sleep(POLL);
        }
    }

    /** Goes on without WebKit: stops its relay and driver, and keeps the reason for webkitAbsent(). */
    private void dropWebkit(String reason) {
        webkitAbsent = reason;
        for (var process : Arrays.asList(webkitRelay, webkitDriver)) {
            if (process != null) {
                process.stop();
                processes.remove(process);
            }
        }
        webkitRelay = null;
        webkitDriver = null;
    }

    /** The display for the WebKit relay, or empty with the reason noted: no driver, browser or display. */
    private Optional<String> webkitDisplay() {
        if (!Files.isExecutable(WEBKIT_DRIVER)) {
            webkitAbsent = "no " + WEBKIT_DRIVER + " on this machine (apt-get install webkit2gtk-driver xvfb)";
            return Optional.empty();
        }
        if (!Files.isExecutable(MINIBROWSER_BINARY)) {
            webkitAbsent = "no " + MINIBROWSER_BINARY + " on this machine (apt-get install webkit2gtk-driver)";
            return Optional.empty();
        }
        var display = VirtualDisplay.ensure();
        if (display.isEmpty()) {
            webkitAbsent = "MiniBrowser needs an X display: DISPLAY is unset and no Xvfb could be started (apt-get install xvfb)";
        }
        return display;
    }

    private ServerProcess grid(GridJars jars, String name, String logName, Map<String, String> env, String... args) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small, quick-starting JVMs: the Grid shares two cores with the browsers it drives.
        command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of("-cp", jars.classpath(), GridJars.MAIN_CLASS));
        command.addAll(List.of(args));
        return ServerProcess.start(name, command, env, log(logName));
    }

    private ServerProcess started(ServerProcess process) {
        processes.add(process);
        return process;
    }

    private static boolean waitForHttp(URI server, ServerProcess process, Duration timeout) {
        var end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end && process.alive()) {
            if (GridStatus.fetch(server).isPresent()) {
                return true;
            }
            sleep(Duration.ofMillis(50));
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotStart("interrupted while waiting for the local Selenium Grid");
        }
    }

    /**
     * Stops the nodes (they end their sessions), then the hub and WebKitWebDriver, each with its
     * children. An Xvfb started for WebKit belongs to {@link VirtualDisplay}: it serves the whole JVM
     * and ends with it.
     */
    @Override
    public void close() {
        var order = new ArrayList<ServerProcess>();
        processes.stream().filter(p -> p.name().contains("node")).forEach(order::add);
        processes.stream().filter(p -> !p.name().contains("node")).forEach(order::add);
        processes.clear();
        order.forEach(ServerProcess::stop);
    }
}
