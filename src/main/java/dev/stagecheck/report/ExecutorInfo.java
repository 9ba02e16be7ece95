package dev.stagecheck.report;

import dev.stagecheck.url.SafeUrl;
import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Allure's executor.json: which build ran (GitHub Actions, GitLab CI, Jenkins, or a local run with
 * its time), so the report's Executors panel names it and its trend chart labels each run "#N".
 * Everything comes from the CI's own variables; URLs are shown made safe, as everywhere else.
 */
public record ExecutorInfo(String type, String buildName, OptionalLong buildOrder, Optional<String> buildUrl) {
    private static final Pattern BUILD_ORDER = Pattern.compile("\"buildOrder\"\\s*:\\s*(\\d+)");
    private static final Pattern TREND_ITEM = Pattern.compile("\"data\"\\s*:");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The build this process runs in; a local run counts on from the trend data kept in {@code history}. */
    public static ExecutorInfo detect(Map<String, String> env, Path history, ZonedDateTime now) {
        if (isSet(env, "GITHUB_RUN_NUMBER")) {
            return ci("github", "GitHub Actions " + env.getOrDefault("GITHUB_WORKFLOW", "workflow"), env.get("GITHUB_RUN_NUMBER"),
                    githubRunPage(env));
        }
        if (isSet(env, "CI_PIPELINE_IID")) {
            return ci("gitlab", "GitLab CI " + env.getOrDefault("CI_PROJECT_PATH", "pipeline"), env.get("CI_PIPELINE_IID"),
                    Optional.ofNullable(env.get("CI_PIPELINE_URL")).filter(url -> !url.isBlank()));
        }
        if (isSet(env, "BUILD_NUMBER") && (isSet(env, "JENKINS_URL") || isSet(env, "BUILD_URL"))) {
            return ci("jenkins", "Jenkins " + env.getOrDefault("JOB_NAME", "job"), env.get("BUILD_NUMBER"),
                    Optional.ofNullable(env.get("BUILD_URL")).filter(url -> !url.isBlank()));
        }
        return new ExecutorInfo("local", "local run " + LOCAL_TIME.format(now), OptionalLong.of(lastLocalOrder(history) + 1), Optional.empty());
    }

    /** Writes executor.json into this run's Allure results. */
    public void write() {
        AllureResults.write("executor.json", toJson());
    }

    /** One line for the report's environment panel. */
    public String describe() {
        return describeBuild() + buildUrl.map(url -> " (" + url + ")").orElse("");
    }

    String toJson() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("name", "stagecheck");
        fields.put("type", type);
        fields.put("buildName", describeBuild());
        buildOrder.ifPresent(order -> fields.put("buildOrder", order));
        buildUrl.ifPresent(url -> fields.put("buildUrl", url));
        fields.put("reportName", "stagecheck");
        // The report of a CI build is found on its build page (artifact or the CI's Allure plugin).
        buildUrl.ifPresent(url -> fields.put("reportUrl", url));
        return new Json().toJson(fields) + "\n";
    }

    private String describeBuild() {
        return buildName + buildOrder.stream().mapToObj(order -> " #" + order).findFirst().orElse("");
    }

    private static ExecutorInfo ci(String type, String name, String number, Optional<String> url) {
        OptionalLong order;
        try {
            order = OptionalLong.of(Long.parseLong(number.trim()));
        } catch (NumberFormatException e) {
            order = OptionalLong.empty();
        }
        return new ExecutorInfo(type, name.trim(), order, url.map(u -> SafeUrl.of(u.trim())));
    }

    /**
     * The highest run number in the kept trend data, or the number of runs it holds when they have
     * none (reports made by `mvn allure:report` carry the plugin's executor, which has no number).
     */
    static long lastLocalOrder(Path history) {
        var trend = history.resolve("history-trend.json");
        if (!Files.isRegularFile(trend)) {
            return 0;
        }
        try {
            var text = Files.readString(trend, StandardCharsets.UTF_8);
            var highest = BUILD_ORDER.matcher(text).results().mapToLong(match -> Long.parseLong(match.group(1))).max().orElse(0);
            return Math.max(highest, TREND_ITEM.matcher(text).results().count());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** The GitHub Actions page of this run (where its artifacts are listed), when GitHub's variables say so. */
    static Optional<String> githubRunPage(Map<String, String> env) {
        return isSet(env, "GITHUB_SERVER_URL") && isSet(env, "GITHUB_REPOSITORY") && isSet(env, "GITHUB_RUN_ID")
                ? Optional.of(env.get("GITHUB_SERVER_URL").trim() + "/" + env.get("GITHUB_REPOSITORY").trim() + "/actions/runs/"
                        + env.get("GITHUB_RUN_ID").trim())
                : Optional.empty();
    }

    private static boolean isSet(Map<String, String> env, String name) {
        var value = env.get(name);
        return value != null && !value.isBlank();
    }
}
