package dev.stagecheck.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the access matrix ({@code access.N.*}): a URL, whether it is a plain HTTP API (asked
 * without a browser, {@code access.N.api=true}), and the answer each role must get. A role the row
 * does not name is not checked there.
 */
public record AccessRule(int n, String url, boolean api, Map<String, ExpectedAccess> byRole) {

    public Optional<ExpectedAccess> expected(String role) {
        return Optional.ofNullable(byRole.get(role));
    }

    static AccessRule read(ProfileReader reader, int n, List<Role> roles) {
        var prefix = "access." + n + ".";
        var url = reader.required(prefix + "url", "a URL of the site the roles below must get their answer from");
        var api = reader.bool(prefix + "api", false);
        var byRole = new LinkedHashMap<String, ExpectedAccess>();
        var names = Role.columns(roles);
        for (var name : names) {
            if (reader.has(prefix + name)) {
                byRole.put(name, ExpectedAccess.parse(reader, prefix + name));
            }
        }
        for (var key : reader.keysStartingWith(prefix)) {
            var rest = key.substring(prefix.length());
            if (!rest.equals("url") && !rest.equals("api") && !byRole.containsKey(rest)) {
                throw new ConfigException(reader.origin(key) + ": key " + key + " names no role: the roles are " + String.join(", ", names)
                        + " (declare others with role.N.name)");
            }
        }
        if (byRole.isEmpty()) {
            throw new ConfigException(reader.file() + ": access." + n + ".url " + url + " says no role's answer: add access." + n
                    + ".<role>=<answer> for at least one of " + String.join(", ", names));
        }
        return new AccessRule(n, url, api, java.util.Collections.unmodifiableMap(byRole));
    }
}
