package dev.stagecheck.report;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.ConfigLayers;
import dev.stagecheck.config.OneLine;
import dev.stagecheck.config.SettingKey;
import dev.stagecheck.config.Settings;
import dev.stagecheck.log.InternalErrors;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.FindingsError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.IConfigurationListener;
import org.testng.IExecutionListener;
import org.testng.ISuite;
import org.testng.ISuiteListener;
import org.testng.ITestListener;
import org.testng.ITestResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Tells a chat or incident tool when a run fails: once per run (TestNG's execution, however many
 * suites it holds), when any test or setup method failed and webhook.url is set, it POSTs a short
 * JSON summary (see {@link RunSummary}). Counts come from the final test results, so a test the
 * ChecklistListener failed for an undeclared 401 counts as failed. A green run sends nothing; a
 * webhook that fails costs one line and never changes the run's result.
 */
public final class WebhookListener implements IExecutionListener, ISuiteListener, ITestListener, IConfigurationListener {
    private static final Logger log = LoggerFactory.getLogger(WebhookListener.class);
    private final Set<String> suites = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<String> failureMessages = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    // Suites that run one <test> block per browser or device name them as parameters.
    private final Set<String> browsers = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Set<String> devices = Collections.synchronizedSet(new LinkedHashSet<>());
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger setupFailures = new AtomicInteger();
    private volatile Optional<Webhook> webhook;

    @Override
    public void onExecutionStart() {
        // Read (and complain about a malformed value) now, not after a long run.
        webhook = Webhook.configured(layers());
        // The host only: the rest of a webhook URL holds its token.
        log.debug("webhook: {}", webhook.map(hook -> "a failed run posts its summary to " + hook.host())
                .orElse("none set (webhook.url), so a failed run posts nothing"));
    }

    @Override
    public void onStart(ISuite suite) {
        if (ChecklistAreas.in(suite)) {
            suites.add(suite.getName());
        }
    }

    @Override
    public void onTestSuccess(ITestResult result) {
        if (!ChecklistAreas.is(result.getMethod())) {
            return; // Not a checklist test: not part of the run this notice is about.
        }
        ranOn(result);
        passed.incrementAndGet();
    }

    @Override
    public void onTestFailedButWithinSuccessPercentage(ITestResult result) {
        if (!ChecklistAreas.is(result.getMethod())) {
            return; // Not a checklist test: not part of the run this notice is about.
        }
        ranOn(result);
        passed.incrementAndGet();
    }

    @Override
    public void onTestFailure(ITestResult result) {
        if (!ChecklistAreas.is(result.getMethod())) {
            return; // Not a checklist test: not part of the run this notice is about.
        }
        ranOn(result);
        failed.incrementAndGet();
        remember(result);
    }

    @Override
    public void onTestSkipped(ITestResult result) {
        if (!ChecklistAreas.is(result.getMethod())) {
            return; // Not a checklist test: not part of the run this notice is about.
        }
        // A retried attempt is reported as skipped; only its last attempt counts.
        if (!result.wasRetried()) {
            ranOn(result);
            skipped.incrementAndGet();
        }
    }

    @Override
    public void onConfigurationFailure(ITestResult result) {
        if (!ChecklistAreas.is(result.getMethod())) {
            return; // Not a checklist test: not part of the run this notice is about.
        }
        setupFailures.incrementAndGet();
        remember(result);
    }

    @Override
    public void onExecutionFinish() {
        try {
            var summary = summary();
            if (!summary.isFailure()) {
                log.debug("webhook: the run passed, no failure notice");
                return;
            }
            var target = webhook != null ? webhook : Webhook.configured(layers());
            target.ifPresent(hook -> {
                var json = summary.toJson();
                log.debug("webhook: the run failed ({} failed, {} setup failure(s)); posting its summary ({} characters) to {}",
                        failed.get(), setupFailures.get(), json.length(), hook.host());
                hook.post(json);
            });
        } catch (RuntimeException e) {
            // A notice is a courtesy: whatever goes wrong here must not change the run's result. No message
            // of it is shown or logged: it may quote the webhook URL, whose path holds the token.
            InternalErrors.report("sending the failure notice (not sent; the run's result stands)", e, InternalErrors.NO_MESSAGES);
        }
    }

    private void ranOn(ITestResult result) {
        parameter(result, "browser").ifPresent(browsers::add);
        parameter(result, "device").ifPresent(devices::add);
    }

    private static Optional<String> parameter(ITestResult result, String name) {
        var block = result.getTestContext() == null ? null : result.getTestContext().getCurrentXmlTest();
        return Optional.ofNullable(block == null ? null : block.getParameter(name)).filter(value -> !value.isBlank());
    }

    private void remember(ITestResult result) {
        var message = result.getThrowable() == null ? "" : String.valueOf(result.getThrowable().getMessage());
        // A check with findings only counts them in its message: the notice lists the 401s and regressions themselves.
        failureMessages.add(result.getThrowable() instanceof FindingsError findings
                ? message + "\n" + String.join("\n", findings.lines()) : message);
        failures.add(result.getTestClass().getRealClass().getSimpleName() + "." + result.getMethod().getMethodName()
                + on(result) + ": " + (result.getThrowable() == null ? "failed" : headline(message)));
    }

    /** " (webkit, mobile)" when the suite names a browser or device for the test's block: the same test may run on several. */
    private static String on(ITestResult result) {
        var named = Stream.of(parameter(result, "browser"), parameter(result, "device")).flatMap(Optional::stream).toList();
        return named.isEmpty() ? "" : " (" + String.join(", ", named) + ")";
    }

    /** A message's first line; with the next one when the first only announces a list ("3 pages have problems:"). */
    static String headline(String message) {
        var lines = message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            return OneLine.of(message);
        }
        return lines.get(0).endsWith(":") && lines.size() > 1 ? lines.get(0) + " " + lines.get(1) : lines.get(0);
    }

    RunSummary summary() {
        var messages = List.copyOf(failureMessages);
        var where = where();
        return new RunSummary(List.copyOf(suites), passed.get(), failed.get(), skipped.get(), setupFailures.get(),
                List.copyOf(failures),
                RunSummary.labelled(messages, FindingKind.UNEXPECTED_401),
                RunSummary.labelled(messages, FindingKind.REGRESSION),
                browsers.isEmpty() ? where.browser() : String.join(", ", List.copyOf(browsers)),
                devices.isEmpty() ? where.device() : String.join(", ", List.copyOf(devices)),
                where.site(),
                ReportLink.resolve(layers(), System.getenv(), Path.of("").toAbsolutePath()));
    }

    private record Where(String browser, String device, String site) {
    }

    /** Browser, device and site of this run; the raw values when the settings themselves were bad. */
    private static Where where() {
        try {
            var settings = Settings.current();
            return new Where(settings.browser().key(), settings.device().key(),
                    settings.baseUrl().map(Object::toString).orElse("the built-in demo site"));
        } catch (ConfigException e) {
            var layers = layers();
            return new Where(layers.find(SettingKey.BROWSER.key()).orElse(SettingKey.BROWSER.defaultValue()),
                    layers.find(SettingKey.DEVICE.key()).orElse(SettingKey.DEVICE.defaultValue()),
                    layers.find(SettingKey.BASE_URL.key()).orElse("the built-in demo site"));
        }
    }

    /**
     * -D and STAGECHECK_* only, no profile: a webhook URL holds a token, and a profile is a file
     * people commit.
     */
    private static ConfigLayers layers() {
        return new ConfigLayers(System.getProperties(), System.getenv(), new Properties());
    }
}
