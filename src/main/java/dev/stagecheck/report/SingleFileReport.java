package dev.stagecheck.report;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The data files inside a single-file Allure report ({@code singleFile=true}): such a report has no
 * data/, widgets/ or history/ folders; Allure embeds every file in the page as
 * {@code d('widgets/summary.json','<base64>')}.
 */
public final class SingleFileReport {
    private static final Pattern EMBEDDED = Pattern.compile("d\\('([A-Za-z0-9_./-]+)','([A-Za-z0-9+/=]*)'\\)");

    private SingleFileReport() {
    }

    /** The files of one folder ("history", "widgets", "data"), by their name inside it. */
    public static Map<String, byte[]> files(String page, String folder) {
        var prefix = folder + "/";
        var files = new LinkedHashMap<String, byte[]>();
        var matcher = EMBEDDED.matcher(page);
        while (matcher.find()) {
            var path = matcher.group(1);
            var name = path.substring(Math.min(prefix.length(), path.length()));
            if (path.startsWith(prefix) && !name.isEmpty() && !name.contains("/")) {
                files.put(name, Base64.getDecoder().decode(matcher.group(2)));
            }
        }
        return files;
    }
}
