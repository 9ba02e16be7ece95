package dev.stagecheck;

import dev.stagecheck.config.BrowserKind;
import dev.stagecheck.browser.BrowserLocator;
import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.browser.BrowserUnavailableException;
import dev.stagecheck.config.SuiteFile;
import dev.stagecheck.browser.DriverResolver;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.SecretRef;
import dev.stagecheck.pages.SignInFlow;
import dev.stagecheck.config.Settings;
import dev.stagecheck.log.InternalErrors;
import dev.stagecheck.report.AllureHistory;
import dev.stagecheck.report.AllureResults;
import dev.stagecheck.report.ExecutorInfo;
import dev.stagecheck.traffic.HttpProbe;
import dev.stagecheck.url.SafeUrl;
import dev.stagecheck.verdict.AcceptedFindings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.stream.Collectors;

/**
 * Runs before any browser starts (Maven calls it just before the tests): checks the settings, the
 * site profile, that the site answers, that the profile's secrets are set, and that a browser and
 * its driver are here (installing them from the OS packages when allowed). Bad input ends the run
 * with one line saying what is wrong and what to do, and exit status 2; an internal error (a bug of
 * the kit's) with one line and exit status 3, its stack trace in the log file.
 */
public final class Preflight {
    private static final Logger log = LoggerFactory.getLogger(Preflight.class);

    private Preflight() {
    }

    public static void main(String[] args) {
        try {
            log.info(check(Settings.load(System.getProperties(), System.getenv())));
            // Only now, with the run sure to start: last run's results would mix into this run's report.
            // The trend data of the last report is kept first and goes into the fresh results.
            var history = AllureHistory.beside(AllureResults.directoryToPrepare());
            history.keepFromLastReport();
            AllureResults.clear();
            history.copyIntoResults();
            ExecutorInfo.detect(System.getenv(), history.kept(), ZonedDateTime.now()).write();
            log.debug("preflight done: the run may start");
        } catch (ConfigException e) {
            log.error("ERROR: {}", e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            // A bug of ours, not bad input: still one line, and a different status so scripts can tell.
            InternalErrors.report("the preflight", e, InternalErrors.urlsThrough(SafeUrl::of));
            System.exit(3);
        }
    }

    /** Throws {@link ConfigException} on the first problem; returns a one-line summary when all is well. */
    public static String check(Settings settings) {
        // A base.url may carry user:password@ (a site behind Basic auth): shown without it.
        var target = settings.baseUrl().map(Object::toString).map(SafeUrl::of).orElse("the built-in demo site");
        // A login.flow that cannot be made stops the run now, not at the first sign-in.
        settings.profile().login().ifPresent(SignInFlow::of);
        // An accept line of a kind no check reports would never accept anything: refused now, with the kinds there are.
        AcceptedFindings.of(settings.profile());
        if (settings.baseUrl().isPresent()) {
            log.debug("preflight: asking {} whether it answers (timeout {} ms)", target, settings.httpTimeout().toMillis());
            var probe = new HttpProbe(settings.httpTimeout());
            probe.get(settings.baseUrl().get().toString());
            log.debug("preflight: asking the start pages {} for their status", settings.profile().startUrls());
            new StartPages(probe).check(settings.baseUrl().get(), settings.profile().startUrls());
            // Names only: a secret's value is never printed, not even at debug.
            log.debug("preflight: the profile names the secrets {}", settings.profile().secrets().stream()
                    .map(secret -> secret.name() + (secret.isSet() ? " (set)" : " (not set)")).distinct().toList());
            var missing = settings.profile().secrets().stream().filter(secret -> !secret.isSet())
                    .map(SecretRef::name).distinct().collect(Collectors.joining(", "));
            if (!missing.isEmpty()) {
                throw new ConfigException(settings.site() + " names secrets that are not set: " + missing
                        + ": export them (or pass -DNAME=...) before the run");
            }
        }
        var browsers = SuiteFile.browsers(suite(), settings);
        log.debug("preflight: suite {} names {}", suite(), browsers.isEmpty() ? "no browser: the run's browser setting applies"
                : "the browsers " + browsers.stream().map(BrowserKind::key).toList());
        if (browsers.isEmpty()) {
            return "preflight ok: profile " + settings.site() + ", target " + target + ", " + browserReady(settings)
                    + ", device " + settings.device();
        }
        // A suite that names several browsers runs those this machine (or Grid) has and skips the rest.
        var lines = new StringBuilder();
        var ready = 0;
        for (var kind : browsers) {
            log.debug("preflight: can {} run here?", kind.key());
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
            log.debug("preflight: looking for {} and its driver on this machine", settings.browser().key());
            var browser = BrowserLocator.locate(settings);
            var driver = DriverResolver.resolve(settings.driverPath(), browser);
            return settings.browser().key() + " " + browser.version() + " (" + browser.binary() + "), " + driver.describe();
        }
        log.debug("preflight: can {} run {}?", settings.browser().key(),
                settings.gridUrl().map(grid -> "on the Selenium Grid at " + grid).orElse("here"));
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
