package dev.stagecheck;

import dev.stagecheck.config.OneLine;
import dev.stagecheck.browser.BrowserLocator;
import dev.stagecheck.browser.DriverResolver;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.SecretRef;
import dev.stagecheck.config.Settings;
import dev.stagecheck.report.AllureResults;
import dev.stagecheck.traffic.HttpProbe;

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
            AllureResults.clear();
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
        var browser = BrowserLocator.locate(settings);
        var driver = DriverResolver.resolve(settings.driverPath(), browser);
        return "preflight ok: profile " + settings.site() + ", target " + target + ", " + settings.browser().key() + " "
                + browser.version() + " (" + browser.binary() + "), " + driver.describe() + ", device " + settings.device();
    }
}
