package dev.stagecheck.devtools;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.devtools.HasDevTools;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.json.JsonInput;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one Chrome DevTools Protocol connection of a Chromium-family browser: send a command,
 * subscribe to an event, close. Commands and events are raw method names with plain maps (not
 * Selenium's generated v1xx classes), so the kit keeps working across Chrome versions. The network
 * witness, the page driver and the reset all share it; it belongs to the browser session, which
 * closes it.
 */
public final class DevToolsConnection implements AutoCloseable {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final Function<JsonInput, Map<String, Object>> AS_MAP = input -> input.read(Json.MAP_TYPE);

    private final DevTools devTools;

    private DevToolsConnection(DevTools devTools) {
        this.devTools = devTools;
    }

    /** Connects to the DevTools of a browser whose driver offers them (ask the factory first). */
    public static DevToolsConnection open(WebDriver driver) {
        var devTools = ((HasDevTools) driver).getDevTools();
        devTools.createSessionIfThereIsNotOne();
        return new DevToolsConnection(devTools);
    }

    /** Sends a command and returns its answer (a WebDriverException when the browser refuses it). */
    public Map<String, Object> send(String method, Map<String, Object> params) {
        return send(method, params, COMMAND_TIMEOUT);
    }

    /** Like {@link #send(String, Map)}, waiting at most {@code timeout} (a TimeoutException after). */
    public Map<String, Object> send(String method, Map<String, Object> params, Duration timeout) {
        return devTools.send(new Command<>(method, params, AS_MAP), timeout);
    }

    /** Sends a reply nothing waits on (a paused request let go, a challenge cancelled): one the browser may have dropped already. */
    public void sendQuietly(String method, Map<String, Object> params) {
        try {
            send(method, params);
        } catch (RuntimeException e) {
            // The request may be gone already (page left); nothing waits on it any more.
        }
    }

    /** Calls {@code handler} with every such event, on the connection's event thread. */
    public void on(String event, Consumer<Map<String, Object>> handler) {
        devTools.addListener(new Event<>(event, AS_MAP), handler);
    }

    /** Stops every handler and closes the connection; quietly, as the browser may be gone already. */
    @Override
    public void close() {
        try {
            devTools.clearListeners();
            devTools.close();
        } catch (RuntimeException ignored) {
            // The browser is going away anyway.
        }
    }
}
