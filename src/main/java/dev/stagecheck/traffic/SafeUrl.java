package dev.stagecheck.traffic;

/**
 * Where {@link dev.stagecheck.url.SafeUrl} used to live, kept so the checklist's tests compile while
 * they move to src/main; it only forwards. Configuration needs the rule too and must not depend on
 * this package, so the rule itself lives in {@code dev.stagecheck.url}.
 */
@Deprecated(forRemoval = true)
public final class SafeUrl {
    private SafeUrl() {
    }

    public static String withoutUserInfo(String url) {
        return dev.stagecheck.url.SafeUrl.withoutUserInfo(url);
    }

    public static String of(String url) {
        return dev.stagecheck.url.SafeUrl.of(url);
    }
}
