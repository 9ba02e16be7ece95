package dev.stagecheck.browser;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.OneLine;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.time.Deadline;
import dev.stagecheck.traffic.RecordingProxy;
import org.openqa.selenium.Proxy;
import org.openqa.selenium.remote.CapabilityType;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.remote.HttpCommandExecutor;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * WebKit, Safari's engine, on Linux: WebKitGTK's MiniBrowser driven by WebKitWebDriver (Debian's
 * webkit2gtk-driver). Selenium has no WebKitGTK class, so the kit starts the driver itself (one
 * process per session) and talks W3C WebDriver to it. MiniBrowser has no headless mode: it gets a
 * virtual display.
 */
final class WebKitFactory implements BrowserFactory {
    private static final Logger log = LoggerFactory.getLogger(WebKitFactory.class);
    static final String PACKAGES = "webkit2gtk-driver xvfb";
    private static final Duration DRIVER_READY = Duration.ofSeconds(10);
    /** How long the processes of a quit browser get to be gone once killed. */
    private static final Duration QUIT_BOUND = Duration.ofSeconds(2);

    @Override
    public Optional<String> unavailable(Settings settings) {
        if (driver().isEmpty() && settings.mayInstallBrowser() && BrowserInstall.possible()) {
            BrowserInstall.run("WebKit", PACKAGES, settings.reportsDir().resolve("browser-install.log"));
        }
        if (driver().isEmpty()) {
            return Optional.of("WebKitWebDriver not found on PATH: install it (Debian/Ubuntu: apt-get install " + PACKAGES
                    + ") or use -Dgrid.url=http://your-grid:4444 with a WebKit or Safari node");
        }
        if (miniBrowser().isEmpty()) {
            return Optional.of("WebKitWebDriver is here but MiniBrowser is not (looked in /usr/lib/*/webkit2gtk-4.*/):"
                    + " reinstall webkit2gtk-driver");
        }
        if (!VirtualDisplay.possible()) {
            return Optional.of("WebKit's MiniBrowser needs an X display and none is set: install xvfb"
                    + " (apt-get install xvfb) or run under xvfb-run");
        }
        return Optional.empty();
    }

    @Override
    public StartedBrowser start(Settings settings) {
        unavailable(settings).ifPresent(reason -> {
            throw new BrowserUnavailableException(reason);
        });
        if (VirtualDisplay.ensure().isEmpty()) {
            throw new BrowserUnavailableException("no X display could be started for WebKit's MiniBrowser (Xvfb failed):"
                    + " run under xvfb-run, or set DISPLAY");
        }
        var port = freePort();
        var process = startDriver(port);
        var proxy = recordingProxy(settings);
        Runnable cleanUp = () -> {
            // The driver's whole session: a web process that hung or hoarded memory outlives MiniBrowser, still spinning.
            var tree = new java.util.LinkedHashSet<>(OwnProcesses.inSession(process.pid()));
            process.descendants().forEach(tree::add);
            process.destroy();
            proxy.ifPresent(RecordingProxy::close);
            OwnProcesses.kill(tree, QUIT_BOUND);
        };
        try {
            var caps = new MutableCapabilities();
            caps.setCapability("browserName", "MiniBrowser");
            // A dialog the kit did not answer itself (DriverPage answers those of a page load) is
            // dismissed by the driver, never an unexpected-alert error of the next command.
            caps.setCapability(CapabilityType.UNHANDLED_PROMPT_BEHAVIOUR, "dismiss");
            // In the new-session request too: WebKitWebDriver kept its own 300 s page-load timeout when only told later.
            var millis = settings.pageTimeout().toMillis();
            caps.setCapability("timeouts", Map.of("pageLoad", millis, "script", millis, "implicit", 0));
            proxy.ifPresent(recording -> caps.setCapability(CapabilityType.PROXY, new Proxy().setHttpProxy(recording.address())));
            var args = new ArrayList<>(List.of("--automation"));
            if (settings.device().touch()) {
                args.add("--user-agent=" + ChromiumFactory.userAgent(settings.device()));
            }
            caps.setCapability("webkitgtk:browserOptions", Map.of("binary", miniBrowser().orElseThrow().toString(), "args", args));
            // The client must outwait the page-load timeout, or a slow page looks like a dead driver.
            var config = ClientConfig.defaultConfig().baseUri(URI.create("http://127.0.0.1:" + port))
                    .readTimeout(settings.pageTimeout().plusSeconds(30));
            var driver = new RemoteWebDriver(new HttpCommandExecutor(config), caps);
            driver.manage().timeouts().pageLoadTimeout(settings.pageTimeout());
            driver.manage().timeouts().scriptTimeout(settings.pageTimeout());
            // MiniBrowser windows are at least 447 px wide: a phone gets the narrowest window there is.
            driver.manage().window().setSize(new Dimension(settings.device().width(), settings.device().height()));
            return new StartedBrowser(driver, false, "webkit: WebKitGTK " + driver.getCapabilities().getBrowserVersion()
                    + " MiniBrowser (" + miniBrowser().orElseThrow() + ") with " + driver().orElseThrow(), cleanUp, proxy);
        } catch (WebDriverException e) {
            cleanUp.run();
            throw new BrowserUnavailableException("WebKit did not start (" + OneLine.of(e.getMessage())
                    + "): check the display and the webkit2gtk-driver installation");
        }
    }

    /**
     * For a plain-http site, a proxy the browser's requests pass through: the kit then sees every
     * status WebKit got, without asking the site again. An https site's traffic is a tunnel to a
     * proxy, so there the kit asks the site itself (ProbeWitness).
     */
    private static Optional<RecordingProxy> recordingProxy(Settings settings) {
        return "http".equalsIgnoreCase(TargetSite.baseUrl().getScheme())
                ? Optional.of(RecordingProxy.start(settings.pageTimeout())) : Optional.empty();
    }

    private static Process startDriver(int port) {
        try {
            // In a session of its own (setsid, a part of util-linux): everything it starts can be found, and ended, by that session.
            var command = new ArrayList<String>();
            Commands.onPath("setsid").ifPresent(setsid -> command.add(setsid.toString()));
            command.addAll(List.of(driver().orElseThrow().toString(), "--port=" + port));
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("DISPLAY", VirtualDisplay.ensure().orElseThrow());
            var process = builder.start();
            awaitReady(process, port);
            return process;
        } catch (IOException e) {
            throw new BrowserUnavailableException("WebKitWebDriver did not start (" + e.getMessage() + "): reinstall webkit2gtk-driver");
        }
    }

    /** Polls the driver's /status until it answers, with a deadline. */
    private static void awaitReady(Process process, int port) {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status")).timeout(Duration.ofSeconds(2)).build();
        var settled = Deadline.after(DRIVER_READY).poll(() -> !process.isAlive() || answers(client, request));
        if (settled && process.isAlive()) {
            log.debug("WebKitWebDriver answers on port {}", port);
            return;
        }
        process.destroy();
        throw new BrowserUnavailableException("WebKitWebDriver did not answer on port " + port + " within "
                + DRIVER_READY.toSeconds() + " s: check the webkit2gtk-driver installation");
    }

    private static boolean answers(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // Not listening yet.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Path> driver() {
        return Commands.onPath("WebKitWebDriver");
    }

    private static volatile Optional<Path> miniBrowser;

    private static Optional<Path> miniBrowser() {
        var found = miniBrowser;
        if (found == null || found.isEmpty()) {
            found = findMiniBrowser();
            miniBrowser = found;
        }
        return found;
    }

    private static Optional<Path> findMiniBrowser() {
        for (var root : List.of(Path.of("/usr/lib"), Path.of("/usr/libexec"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> found = Files.find(root, 3, (path, attrs) -> path.getFileName().toString().equals("MiniBrowser")
                    && path.getParent().getFileName().toString().startsWith("webkit2gtk-4"))) {
                var first = found.filter(Files::isExecutable).sorted().reduce((a, b) -> b);
                if (first.isPresent()) {
                    return first;
                }
            } catch (IOException e) {
                // Unreadable directory: look in the next one.
            }
        }
        return Optional.empty();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ConfigException("no free local port for WebKitWebDriver (" + e.getMessage() + ")");
        }
    }
}
