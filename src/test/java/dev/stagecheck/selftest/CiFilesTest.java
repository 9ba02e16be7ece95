package dev.stagecheck.selftest;

import org.testng.annotations.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertTrue;

/**
 * The nightly schedulers are only run by GitHub and Jenkins, so a typo would show the morning
 * after: check here that they parse, are scheduled, cover the browsers and publish the report;
 * and that the CI script checks what the report shows, not only that it exists.
 */
public class CiFilesTest {
    private static final Pattern CRON_FIELD = Pattern.compile("[0-9*/,\\-A-Za-z?LW#H()]+");

    @Test(description = "the GitHub workflow parses, runs nightly and on demand, over a browser matrix, and publishes the report")
    @SuppressWarnings("unchecked")
    public void theGitHubWorkflowIsScheduledAndPublishes() throws IOException {
        var file = ProjectFiles.projectDir().resolve(".github/workflows/nightly.yml");
        Map<Object, Object> workflow = new Yaml().load(Files.readString(file));
        // YAML 1.1 (SnakeYAML) reads the bare key `on` as the boolean true; GitHub reads it as "on".
        var on = (Map<String, Object>) (workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE));
        assertNotNull(on, file + " has no 'on:' section");
        var schedule = (List<Map<String, Object>>) on.get("schedule");
        assertNotNull(schedule, file + " has no on.schedule");
        var cron = String.valueOf(schedule.get(0).get("cron")).trim().split("\\s+");
        assertEquals(cron.length, 5, file + ": on.schedule[0].cron should have 5 fields");
        for (var field : cron) {
            assertTrue(CRON_FIELD.matcher(field).matches(), file + ": cron field '" + field + "' is malformed");
        }
        assertTrue(on.containsKey("workflow_dispatch"), file + " should be startable by hand (workflow_dispatch)");

        var jobs = (Map<String, Map<String, Object>>) workflow.get("jobs");
        assertTrue(jobs != null && !jobs.isEmpty(), file + " has no jobs");
        var job = jobs.values().iterator().next();
        var matrix = (Map<String, Object>) ((Map<String, Object>) job.get("strategy")).get("matrix");
        var browsers = (List<String>) matrix.get("browser");
        assertTrue(browsers != null && browsers.containsAll(List.of("chromium", "firefox", "webkit")),
                file + ": the matrix should list the browsers chromium, firefox, webkit, lists " + browsers);

        var steps = (List<Map<String, Object>>) job.get("steps");
        var test = steps.stream().filter(step -> String.valueOf(step.get("run")).contains("mvn -B")
                && String.valueOf(step.get("run")).contains(" test ")).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no step running `mvn -B ... test`"));
        var run = String.valueOf(test.get("run"));
        assertTrue(run.contains("-Dbrowser=${{ matrix.browser }}") && run.contains("-Dbrowsers=${{ matrix.browser }}") && run.contains("-Dsuite="),
                file + ": the test step should pass the matrix browser and the suite: " + run);
        var env = (Map<String, Object>) test.get("env");
        assertTrue(env != null && String.valueOf(env.get("STAGECHECK_WEBHOOK_URL")).contains("secrets."),
                file + ": the test step should take STAGECHECK_WEBHOOK_URL from a secret");

        assertTrue(steps.stream().anyMatch(step -> String.valueOf(step.get("uses")).startsWith("actions/cache/restore")
                        && String.valueOf(((Map<String, Object>) step.get("with")).get("path")).contains("reports/history")),
                file + " should restore the report history (reports/history) before the run");
        assertTrue(steps.stream().anyMatch(step -> String.valueOf(step.get("uses")).startsWith("actions/cache/save")
                        && String.valueOf(step.get("if")).contains("always()")),
                file + " should save the report history after every run, failed ones too");
        assertTrue(steps.stream().anyMatch(step -> String.valueOf(step.get("run")).contains("allure:report")
                        && String.valueOf(step.get("if")).contains("always()")),
                file + " should build the report after every run, failed ones too");
        assertTrue(steps.stream().anyMatch(step -> String.valueOf(step.get("uses")).startsWith("actions/upload-artifact")
                        && "always()".equals(step.get("if"))
                        && String.valueOf(((Map<String, Object>) step.get("with")).get("path")).contains("reports/allure-report")),
                file + " should upload reports/allure-report with if: always()");
        assertTrue(steps.stream().noneMatch(step -> Boolean.TRUE.equals(step.get("continue-on-error"))),
                file + ": no step may hide a failure (continue-on-error): failed tests must fail the job");
    }

    @Test(description = ".ci/run stops on the first failure and, after mvn verify and mvn allure:report, checks that the report shows the checklist run")
    public void theCiScriptChecksTheReportsContent() throws IOException {
        var file = ProjectFiles.projectDir().resolve(".ci/run");
        var text = Files.readString(file);
        assertTrue(Files.isExecutable(file), file + " should be executable");
        assertTrue(text.contains("set -euo pipefail"), file + " should stop on the first failing command (set -euo pipefail)");
        var verify = text.indexOf("mvn -B -ntp verify");
        var report = text.indexOf("allure:report", Math.max(verify, 0));
        var check = Pattern.compile("exec:java\\s+-Dexec\\.mainClass=" + Pattern.quote(ReportCheck.class.getName()) + "\\b")
                .matcher(text);
        assertTrue(verify >= 0 && report > verify && check.find(report),
                file + " should run `mvn -B -ntp verify`, then `mvn allure:report`, then " + ReportCheck.class.getSimpleName()
                        + " (exec:java -Dexec.mainClass=" + ReportCheck.class.getName() + ")");
        assertTrue(text.substring(check.start()).contains(ReportCheck.SUITE) && text.substring(check.start()).contains(ReportCheck.REPORT),
                file + ": the report check should be given " + ReportCheck.SUITE + " and " + ReportCheck.REPORT);
        assertTrue(Pattern.compile("trap\\s+'[^']*SECONDS[^']*'\\s+EXIT").matcher(text).find(),
                file + " should print how long the run took, green or red (a trap on EXIT reading $SECONDS)");
    }

    @Test(description = "the Jenkinsfile runs nightly, takes the webhook from credentials and publishes Allure results after every build")
    public void theJenkinsfileIsScheduledAndPublishes() throws IOException {
        var file = ProjectFiles.projectDir().resolve("Jenkinsfile");
        var text = Files.readString(file);
        var cron = Pattern.compile("triggers\\s*\\{\\s*cron\\('([^']*)'\\)").matcher(text);
        assertTrue(cron.find(), file + " should have triggers { cron('...') }");
        assertEquals(cron.group(1).trim().split("\\s+").length, 5, file + ": the cron spec should have 5 fields: " + cron.group(1));
        assertTrue(text.contains("choice(name: 'BROWSER'") && text.contains("string(name: 'BASE_URL'"),
                file + " should have the parameters BROWSER and BASE_URL");
        assertTrue(text.contains("withCredentials") && text.contains("variable: 'STAGECHECK_WEBHOOK_URL'"),
                file + " should take STAGECHECK_WEBHOOK_URL from Jenkins credentials");
        var post = text.indexOf("post {");
        var always = text.indexOf("always {", Math.max(post, 0));
        var allure = Pattern.compile("\\ballure\\b[^\\n]*\\n?[^\\n]*results:\\s*\\[\\[path:\\s*'reports/allure-results'\\]\\]")
                .matcher(text);
        assertTrue(post >= 0 && always > post && allure.find(always),
                file + " should publish reports/allure-results with the allure step in post { always { ... } }");
        assertTrue(text.indexOf("archiveArtifacts", always) > always, file + " should archive the report in post { always { ... } }");
        assertTrue(text.contains("catchError(buildResult: 'FAILURE'"),
                file + ": failed tests should mark the build FAILURE and still let the report stage run");
    }
}
