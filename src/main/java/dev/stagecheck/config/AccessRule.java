package dev.stagecheck.config;

import dev.stagecheck.url.UrlPattern;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the access matrix ({@code access.N.*}): a URL, whether it is a plain HTTP API (asked
 * without a browser, {@code access.N.api=true}), and the answer each role must get. A role the row
 * does not name is not checked there. With {@code access.N.area} (a glob) the row holds for every
 * page of the area the kit finds from {@code url} (its entry) by following links, except a URL
 * another row names: that row's answer is the one for it.
 */
public record AccessRule(int n, String url, Optional<String> area, int pages, boolean api, Map<String, ExpectedAccess> byRole) {

    /** How many pages of an area are checked at most, unless {@code access.N.pages} says otherwise. */
    public static final int DEFAULT_AREA_PAGES = 20;

    public Optional<ExpectedAccess> expected(String role) {
        return Optional.ofNullable(byRole.get(role));
    }

    /** This row's area as a pattern over full URLs of the site at {@code base}; only for a row with an area. */
    public UrlPattern areaPattern(String base) {
        return UrlPattern.of(UrlPattern.onSite(area.orElseThrow(), base));
    }

    /** "access.3.url /members/" or "access.9.area /members/*": the key a line about this row names. */
    public String key() {
        return area.map(glob -> "access." + n + ".area " + glob).orElse("access." + n + ".url " + url);
    }

    static AccessRule read(ProfileReader reader, int n, List<Role> roles) {
        var prefix = "access." + n + ".";
        var area = SiteProfile.readArea(reader, prefix);
        var url = SiteProfile.areaUrl(reader, prefix, area, "a URL of the site the roles below must get their answer from");
        var api = reader.bool(prefix + "api", false);
        var pages = reader.integer(prefix + "pages", DEFAULT_AREA_PAGES);
        if (reader.has(prefix + "pages") && area.isEmpty()) {
            throw new ConfigException(reader.origin(prefix + "pages") + ": access." + n + ".pages limits the pages of an area: add access." + n
                    + ".area (a glob such as /members/*), or remove it");
        }
        if (pages < 1) {
            throw reader.malformed(prefix + "pages", Integer.toString(pages), "a number of pages, 1 or more");
        }
        if (api && area.isPresent()) {
            throw new ConfigException(reader.origin(prefix + "area") + ": access." + n + ".area with access." + n + ".api=true: an API has no"
                    + " links to find its URLs by; list each API URL in a row of its own (access.N.url)");
        }
        var byRole = new LinkedHashMap<String, ExpectedAccess>();
        var names = Role.columns(roles);
        for (var name : names) {
            if (reader.has(prefix + name)) {
                byRole.put(name, ExpectedAccess.parse(reader, prefix + name));
            }
        }
        for (var key : reader.keysStartingWith(prefix)) {
            var rest = key.substring(prefix.length());
            if (!List.of("url", "area", "pages", "api").contains(rest) && !byRole.containsKey(rest)) {
                throw new ConfigException(reader.origin(key) + ": key " + key + " names no role: the roles are " + String.join(", ", names)
                        + " (declare others with role.N.name)");
            }
        }
        if (byRole.isEmpty()) {
            throw new ConfigException(reader.file() + ": access." + n + ".url " + url + " says no role's answer: add access." + n
                    + ".<role>=<answer> for at least one of " + String.join(", ", names));
        }
        return new AccessRule(n, url, area, pages, api, java.util.Collections.unmodifiableMap(byRole));
    }
}
