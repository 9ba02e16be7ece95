package dev.stagecheck.selftest;

import dev.stagecheck.config.SettingKey;
import dev.stagecheck.report.Webhook;
import dev.stagecheck.config.Settings;
import dev.stagecheck.report.AllureResults;
import dev.stagecheck.verdict.FindingsError;
import org.testng.ITestResult;
import org.testng.TestListenerAdapter;
import org.testng.TestNG;
import org.testng.xml.XmlSuite;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Runs checklist suites inside this JVM, as `mvn test` would, with the console going to a log file,
 * and hands back every test's final result. Self-test runs fail on purpose, so none of them may
 * post a failure notice to the user's webhook.
 *
 * <p>Allure's lifecycle and the kit's settings belong to the JVM, so a run here writes its Allure
 * results and the kit's outputs into this JVM's folders (Failsafe names them under target/:
 * selftest-allure-results, selftest-reports), its console log and TestNG output into
 * {@code outputDir}. All of them must lie under target/: a self-test started without those
 * folders (from an IDE, say) fails here instead of writing into the user's reports/.
 */
final class InProcessRun {
    private InProcessRun() {
    }

    /** The last result of each test (a retried attempt is replaced by its retry), in the order they finished. */
    static List<ITestResult> of(List<XmlSuite> suites, Path outputDir, String name) {
        return of(suites, outputDir, name, List.of());
    }

    /** The same, with listeners of the self-test's own (one that stops the site mid-run, say) added to the run. */
    static List<ITestResult> of(List<XmlSuite> suites, Path outputDir, String name, List<org.testng.ITestNGListener> extra) {
        var results = new LinkedHashMap<String, ITestResult>();
        var collector = new TestListenerAdapter() {
            @Override
            public void onTestSuccess(ITestResult result) {
                add(result);
            }

            @Override
            public void onTestFailure(ITestResult result) {
                add(result);
            }

            @Override
            public void onTestSkipped(ITestResult result) {
                add(result);
            }

            private void add(ITestResult result) {
                synchronized (results) {
                    var key = result.getTestContext().getName() + "/" + result.getMethod().getQualifiedName()
                            + java.util.Arrays.toString(result.getParameters());
                    results.remove(key);
                    results.put(key, result);
                }
            }
        };
        var here = Path.of("");
        ScratchFolders.requireUnderTarget("the log and TestNG output", here, outputDir);
        ScratchFolders.requireUnderTarget("the Allure results (-D" + AllureResults.DIRECTORY_KEY + ")", here, AllureResults.directory());
        ScratchFolders.requireUnderTarget("the kit's outputs (-Dreports.dir)", here, Settings.current().reportsDir());
        var console = System.out;
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new AssertionError("cannot create " + outputDir + ": " + e.getMessage(), e);
        }
        try (var log = new PrintStream(new FileOutputStream(outputDir.resolve(name + ".log").toFile()), true, StandardCharsets.UTF_8)) {
            System.setOut(log);
            // The kit's listeners come with TestNG's service loader, the webhook's too: switch it off as a user would.
            System.setProperty(SettingKey.WEBHOOK_URL.key(), Webhook.OFF);
            var testng = new TestNG(false);
            testng.setXmlSuites(suites);
            testng.setOutputDirectory(outputDir.resolve("testng-" + name).toString());
            testng.setUseDefaultListeners(false);
            testng.addListener(collector);
            extra.forEach(testng::addListener);
            testng.setVerbose(0);
            testng.run();
        } catch (IOException e) {
            throw new AssertionError("cannot write the log of " + name + " in " + outputDir + ": " + e.getMessage(), e);
        } finally {
            System.clearProperty(SettingKey.WEBHOOK_URL.key());
            System.setOut(console);
        }
        synchronized (results) {
            return List.copyOf(results.values());
        }
    }

    /** A result's failure or skip message, "" when it has none; with every finding's line when the message only counts them. */
    static String message(ITestResult result) {
        var message = result.getThrowable() == null ? "" : String.valueOf(result.getThrowable().getMessage());
        return result.getThrowable() instanceof FindingsError findings ? message + "\n" + String.join("\n", findings.lines()) : message;
    }
}
