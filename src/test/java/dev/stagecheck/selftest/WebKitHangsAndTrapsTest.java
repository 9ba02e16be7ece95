package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.BrowserKind;
import dev.stagecheck.config.Settings;
import dev.stagecheck.demo.HostileHangs;
import dev.stagecheck.verdict.FindingKind;
import org.testng.annotations.Test;

import java.time.Duration;
import java.util.List;

import static org.testng.Assert.assertTrue;

/**
 * {@link HangsAndTrapsTest}'s cases in WebKit, which has no DevTools: nothing stops a page's
 * script from outside and a dead web process ends the whole WebDriver session, so the kit ends
 * such a browser and the crawl goes on in a new one, within the same bounds (one page timeout,
 * crawl.max.time to within one page timeout), leaving no WebKit process behind.
 */
public class WebKitHangsAndTrapsTest extends HangsAndTrapsTest {
    @Override
    Settings browser(Settings settings) {
        return settings.withBrowser(BrowserKind.WEBKIT);
    }

    @Test(description = "a browser ended for a hung page leaves no WebKit process behind, spinning or not")
    public void endedBrowserLeavesNoProcess() {
        var crawl = crawl(List.of(url(HostileHangs.HANG_SCRIPT), url("/products/")), limits(20, 0, Duration.ofMinutes(2)));
        var said = said(findings(crawl), crawl);
        assertTrue(findings(crawl).stream().anyMatch(f -> f.kind() == FindingKind.PAGE_HUNG), "the hang is reported" + said);
        BrowserSessions.quitAll();
        var left = ChildRun.within(Duration.ofSeconds(5), () -> webKitProcesses().isEmpty());
        assertTrue(left, "every WebKit process is gone after the browsers quit: " + webKitProcesses());
    }

    private static List<String> webKitProcesses() {
        try (var all = ProcessHandle.allProcesses()) {
            return all.filter(ProcessHandle::isAlive)
                    .map(process -> process.pid() + " " + process.info().command().orElse(""))
                    .filter(line -> line.contains("webkit2gtk-4") || line.endsWith("WebKitWebDriver"))
                    .toList();
        }
    }
}
