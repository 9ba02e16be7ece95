package dev.stagecheck.report;

import dev.stagecheck.config.ConfigLayers;
import dev.stagecheck.config.SettingKey;
import dev.stagecheck.url.SafeUrl;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the reader of a failure notice finds the report: report.url when given; else the page of
 * the CI build that ran (Jenkins, GitHub Actions, GitLab), which carries the report; else the
 * local path `mvn allure:report` writes to. Shown as made safe, since CI URLs may carry tokens too.
 */
public final class ReportLink {
    static final String LOCAL_REPORT = "reports/allure-report/index.html";

    private ReportLink() {
    }

    public static String resolve(ConfigLayers layers, Map<String, String> environment, Path projectDir) {
        var given = layers.find(SettingKey.REPORT_URL.key());
        if (given.isPresent()) {
            return SafeUrl.of(given.get());
        }
        // Jenkins: the build page (the Allure plugin's report sits under it).
        if (isSet(environment.get("BUILD_URL"))) {
            return SafeUrl.of(environment.get("BUILD_URL").trim());
        }
        // GitHub Actions: the run page, where the report artifact is listed.
        var github = ExecutorInfo.githubRunPage(environment);
        if (github.isPresent()) {
            return SafeUrl.of(github.get());
        }
        if (isSet(environment.get("CI_JOB_URL"))) {
            return SafeUrl.of(environment.get("CI_JOB_URL").trim());
        }
        // No CI: the report is generated after the run (mvn allure:report), here.
        return projectDir.resolve(LOCAL_REPORT).toAbsolutePath().normalize().toString();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
