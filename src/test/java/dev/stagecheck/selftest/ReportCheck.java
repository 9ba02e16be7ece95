package dev.stagecheck.selftest;

import dev.stagecheck.report.SingleFileReport;
import org.openqa.selenium.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.annotations.Test;
import org.testng.xml.XmlInclude;
import org.testng.xml.internal.Parser;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What `.ci/run` asks after `mvn verify` and `mvn allure:report`: does the report a user opens show
 * the checklist run? Its own data (the summary embedded in the single-file report) must count at
 * least as many test cases as the checklist suite declares, and all of them passed. The declared
 * count comes from the suite file's classes (their enabled @Test methods), not from the run, so
 * a run that lost its results, or a class the run never reached, shows as too few.
 *
 * <p>{@code mvn -q exec:java -Dexec.mainClass=dev.stagecheck.selftest.ReportCheck -Dexec.classpathScope=test
 * [-Dexec.args="suites/checklist.xml reports/allure-report/index.html"]}: one line, exit status 1 when wrong.
 */
public final class ReportCheck {
    private static final Logger log = LoggerFactory.getLogger(ReportCheck.class);
    static final String SUITE = "suites/checklist.xml";
    static final String REPORT = "reports/allure-report/index.html";
    private static final int NAMES_SHOWN = 5;

    /** The report's counts, as its overview shows them, and the tests that did not pass. */
    record Summary(int total, int passed, List<String> notPassed) {}

    private ReportCheck() {
    }

    public static void main(String[] args) {
        var suite = Path.of(args.length > 0 ? args[0] : SUITE);
        var report = Path.of(args.length > 1 ? args[1] : REPORT);
        String problem;
        int declared = 0;
        Summary summary = null;
        try {
            declared = declaredTests(suite);
            summary = summary(Files.readString(report, StandardCharsets.UTF_8));
            problem = problem(declared, summary).orElse(null);
        } catch (NoSuchFileException e) {
            problem = e.getFile() + " does not exist: run `mvn verify`, then `mvn allure:report`";
        } catch (IOException | RuntimeException e) {
            problem = "cannot read " + suite + " or the report (" + e.getMessage() + ")";
        }
        if (problem != null) {
            log.error("report check FAILED: {}: {}", report, problem);
            System.exit(1);
        }
        log.info("report check ok: {} shows {} test cases, all passed ({} declares {})", report, summary.total(), suite, declared);
    }

    /** Why the report does not show the run, or empty when it does. */
    static Optional<String> problem(int declared, Summary summary) {
        if (declared == 0) {
            return Optional.of("the checklist suite declares no tests, so there is nothing to compare with");
        }
        if (summary.total() < declared) {
            return Optional.of(summary.total() + " test cases, fewer than the " + declared
                    + " the checklist declares: its results were lost or not all of it ran");
        }
        if (summary.passed() != summary.total()) {
            var names = summary.notPassed().stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
            return Optional.of((summary.total() - summary.passed()) + " of " + summary.total() + " test cases did not pass"
                    + (names.isEmpty() ? "" : ": " + names + (summary.notPassed().size() > NAMES_SHOWN ? ", ..." : "")));
        }
        return Optional.empty();
    }

    /** The enabled @Test methods of the suite file's classes (a class's include/exclude lists respected). */
    static int declaredTests(Path suiteFile) throws IOException {
        var count = 0;
        for (var suite : new Parser(suiteFile.toString()).parseToList()) {
            for (var test : suite.getTests()) {
                for (var xmlClass : test.getXmlClasses()) {
                    var included = xmlClass.getIncludedMethods().stream().map(XmlInclude::getName).collect(Collectors.toSet());
                    var excluded = Set.copyOf(xmlClass.getExcludedMethods());
                    for (var method : testMethods(load(xmlClass.getName()))) {
                        if ((included.isEmpty() || included.contains(method.getName())) && !excluded.contains(method.getName())) {
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }

    private static List<Method> testMethods(Class<?> type) {
        var methods = new ArrayList<Method>();
        for (var method : type.getMethods()) {
            var test = method.getAnnotation(Test.class);
            if (test != null && test.enabled() && !Modifier.isStatic(method.getModifiers())) {
                methods.add(method);
            }
        }
        return methods;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ReportCheck.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the suite names class " + name + ", which is not on the test classpath", e);
        }
    }

    /** The overview's counts (widgets/summary.json) and the non-passed tests of the Suites tree (data/suites.json). */
    @SuppressWarnings("unchecked")
    static Summary summary(String page) {
        var widgets = SingleFileReport.files(page, "widgets");
        var summary = widgets.get("summary.json");
        if (summary == null) {
            throw new IllegalStateException("the page holds no widgets/summary.json: is it a single-file Allure report?");
        }
        var json = new Json();
        Map<String, Object> overview = json.toType(new String(summary, StandardCharsets.UTF_8), Map.class);
        var statistic = (Map<String, Object>) overview.get("statistic");
        if (statistic == null) {
            throw new IllegalStateException("widgets/summary.json has no statistic");
        }
        var notPassed = new ArrayList<String>();
        var suites = SingleFileReport.files(page, "data").get("suites.json");
        if (suites != null) {
            collectNotPassed(json.toType(new String(suites, StandardCharsets.UTF_8), Map.class), notPassed);
        }
        return new Summary(number(statistic.get("total")), number(statistic.get("passed")), notPassed);
    }

    @SuppressWarnings("unchecked")
    private static void collectNotPassed(Map<String, Object> node, List<String> names) {
        var children = (List<Map<String, Object>>) node.get("children");
        if (children != null) {
            children.forEach(child -> collectNotPassed(child, names));
        } else if (node.get("status") != null && !"passed".equals(node.get("status"))) {
            names.add(node.get("name") + " (" + node.get("status") + ")");
        }
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }
}
