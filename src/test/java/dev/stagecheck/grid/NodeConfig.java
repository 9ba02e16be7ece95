package dev.stagecheck.grid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The TOML files of the local Grid's nodes. Both stay on loopback, never look for drivers or
 * download any (Selenium Manager off: this machine has no internet), and talk to the hub over the
 * event bus ports it was given.
 */
final class NodeConfig {
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM = "/usr/bin/chromium";

    private NodeConfig() {
    }

    /** A Chromium node: chromedriver from the OS packages, {@code maxSessions} parallel sessions. */
    static Path chromium(Path file, int port, EventBus bus, String hubUrl, int maxSessions) {
        return write(file, common(port, bus, hubUrl, maxSessions) + """

                [[node.driver-configuration]]
                display-name = "Chromium"
                webdriver-executable = "%s"
                max-sessions = %d
                stereotype = '{"browserName": "chrome", "goog:chromeOptions": {"binary": "%s"}}'
                """.formatted(CHROMEDRIVER, maxSessions, CHROMIUM));
    }

    /**
     * A relay node in front of a WebKitWebDriver: one session at a time (one per driver process).
     * The request must carry browserName MiniBrowser; the client sends the browser options.
     */
    static Path webkitRelay(Path file, int port, EventBus bus, String hubUrl, int driverPort) {
        return write(file, common(port, bus, hubUrl, 1) + """

                [relay]
                url = "http://127.0.0.1:%d"
                status-endpoint = "/status"
                configs = ["1", "{\\"browserName\\": \\"MiniBrowser\\"}"]
                """.formatted(driverPort));
    }

    private static String common(int port, EventBus bus, String hubUrl, int maxSessions) {
        return """
                [server]
                host = "127.0.0.1"
                port = %d

                [events]
                publish = "%s"
                subscribe = "%s"

                [node]
                grid-url = "%s"
                detect-drivers = false
                selenium-manager = false
                max-sessions = %d
                # Grid caps sessions at the number of CPUs unless told otherwise; keep the count we ask for.
                override-max-sessions = true
                # Re-announce every 2 s until the hub has it, instead of every 10 s.
                register-cycle = 2
                """.formatted(port, bus.publish(), bus.subscribe(), hubUrl, maxSessions);
    }

    private static Path write(Path file, String toml) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, toml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The hub's publish/subscribe addresses (ZeroMQ), on loopback. */
    record EventBus(int publishPort, int subscribePort) {
        static EventBus onFreePorts() {
            return new EventBus(FreePort.onLoopback(), FreePort.onLoopback());
        }

        String publish() {
            return "tcp://127.0.0.1:" + publishPort;
        }

        String subscribe() {
            return "tcp://127.0.0.1:" + subscribePort;
        }
    }
}
