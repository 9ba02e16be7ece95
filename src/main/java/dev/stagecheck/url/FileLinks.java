package dev.stagecheck.url;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which links lead to a file rather than a page, by their address alone: the kit checks those with
 * a plain HTTP request instead of sending the browser there, where they would become a download
 * (no page, no load event) or open in a viewer. A link with the {@code download} attribute is a
 * file link too; the page tells that, not the URL.
 */
public final class FileLinks {
    /** Archives, documents, data, media and installers: names whose type a browser downloads or hands to a viewer. */
    private static final Set<String> EXTENSIONS = Set.of(
            "zip", "gz", "tgz", "tar", "bz2", "xz", "7z", "rar", "jar", "war",
            "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "epub",
            "csv", "tsv", "ics", "vcf",
            "mp3", "mp4", "m4a", "m4v", "wav", "ogg", "webm", "mov", "avi", "mkv",
            "exe", "msi", "dmg", "pkg", "deb", "rpm", "apk", "iso", "img", "bin");

    private FileLinks() {
    }

    /** True when the URL's path ends in a file name of a type listed above (the query does not count). */
    public static boolean byName(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (path == null) {
            return false;
        }
        var name = path.substring(path.lastIndexOf('/') + 1);
        var dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
