package dev.stagecheck;

import dev.stagecheck.config.OneLine;
import dev.stagecheck.browser.BrowserLocator;
import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.browser.BrowserUnavailableException;
import dev.stagecheck.config.SuiteFile;
import dev.stagecheck.browser.DriverResolver;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.SecretRef;
import dev.stagecheck.config.Settings;
import dev.stagecheck.report.AllureHistory;
import dev.stagecheck.report.AllureResults;
import dev.stagecheck.report.ExecutorInfo;
import dev.stagecheck.traffic.HttpProbe;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.stream.Collectors;

/**
 * Runs before any browser starts (Maven calls it just before the tests): checks the settings, the
 * site profile, that the site answers, that the profile's secrets are set, and that a browser and
 * its driver are here (installing them from the OS packages when allowed). Bad input ends the run
 * with one line saying what is wrong and what to do, and exit status 2.
 */
public final class Preflight {
    private Preflight() {
    }

    public static void main(String[] args) {
        try {
            System.out.println("stagecheck: " + check(Settings.load(System.getProperties(), System.getenv())));
            // Only now, with the run sure to start: last run's results would mix into this run's report.
            // The trend data of the last report is kept first and goes into the fresh results.
            var history = AllureHistory.beside(AllureResults.directoryToPrepare());
            history.keepFromLastReport();
            AllureResults.clear();
            history.copyIntoResults();
            ExecutorInfo.detect(System.getenv(), history.kept(), ZonedDateTime.now()).write();
        } catch (ConfigException e) {
            System.out.flush();
            System.err.println("stagecheck: ERROR: " + e.getMessage());
            System.err.flush();
            System.exit(2);
        } catch (RuntimeException e) {
            // A bug of ours, not bad input: still one line, and a different status so scripts can tell.
            System.out.flush();
            System.err.println("stagecheck: ERROR: internal error (" + OneLine.of(e.getMessage())
                    + "): please report it with the command you ran");
            System.exit(3);
        }
    }


    /** Throws {@link ConfigException} on the first problem; returns a one-line summary when all is well. */
    public static String check(Settings settings) {
        var target = settings.baseUrl().map(Object::toString).orElse("the built-in demo site");
        if (settings.baseUrl().isPresent()) {
            var probe = new HttpProbe(settings.httpTimeout());
            probe.get(settings.baseUrl().get().toString());
            var missing = settings.profile().secrets().stream().filter(secret -> !secret.isSet())
                    .map(SecretRef::name).distinct().collect(Collectors.joining(", "));
            if (!missing.isEmpty()) {
                throw new ConfigException(settings.site() + " names secrets that are not set: " + missing
                        + ": export them (or pass -DNAME=...) before the run");
            }
        }
        var browsers = SuiteFile.browsers(suite(), settings);
        if (browsers.isEmpty()) {
            return "preflight ok: profile " + settings.site() + ", target " + target + ", " + browserReady(settings)
                    + ", device " + settings.device();
        }
        // A suite that names several browsers runs those this machine (or Grid) has and skips the rest.
        var lines = new StringBuilder();
        var ready = 0;
        for (var kind : browsers) {
            var reason = BrowserSession.unavailable(settings.withBrowser(kind));
            lines.append("\n  ").append(kind.key()).append(": ");
            if (reason.isEmpty()) {
                ready++;
                lines.append("ready").append(kind.isChromiumFamily() && settings.gridUrl().isEmpty() ? " (" + browserReady(settings.withBrowser(kind)) + ")" : "");
            } else {
                lines.append("will be skipped: ").append(reason.get());
            }
        }
        if (ready == 0) {
            throw new ConfigException("none of the browsers " + suite() + " names can run here:" + lines.toString().replace("\n  ", " ")
                    + " (install one, or use -Dgrid.url)");
        }
        return "preflight ok: profile " + settings.site() + ", target " + target + (settings.gridUrl().isPresent()
                ? ", Selenium Grid " + settings.gridUrl().get() : "") + ", browsers of " + suite() + ":" + lines;
    }

    /** The run's one browser: its version and driver when local Chromium, else that it can start. */
    private static String browserReady(Settings settings) {
        if (settings.browser().isChromiumFamily() && settings.gridUrl().isEmpty()) {
            var browser = BrowserLocator.locate(settings);
            var driver = DriverResolver.resolve(settings.driverPath(), browser);
            return settings.browser().key() + " " + browser.version() + " (" + browser.binary() + "), " + driver.describe();
        }
        BrowserSession.unavailable(settings).ifPresent(reason -> {
            throw new BrowserUnavailableException(reason);
        });
        return settings.browser().key() + (settings.gridUrl().isPresent() ? " on the Selenium Grid at " + settings.gridUrl().get() : "") + " ready";
    }

    /** The suite Maven runs (-Dsuite), relative to the project directory. */
    private static Path suite() {
        var suite = Path.of(System.getProperty("suite", "suites/checklist.xml"));
        var basedir = System.getProperty("basedir");
        return suite.isAbsolute() || basedir == null ? suite : Path.of(basedir).resolve(suite).normalize();
    }
}
