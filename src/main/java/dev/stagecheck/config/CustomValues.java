package dev.stagecheck.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The profile's {@code custom.*} keys: values for checks of the user's own, which the kit passes on
 * and never judges. {@code -Dcustom.name=value} overrides the profile's value for one run; ${run}
 * and ${time} are filled in when the profile is read.
 */
public record CustomValues(Map<String, String> values, String file) {
    static final String PREFIX = "custom.";

    public CustomValues {
        values = Map.copyOf(values);
    }

    /** The value of {@code custom.<name>} (name without the prefix), if set and not blank. */
    public Optional<String> find(String name) {
        return Optional.ofNullable(values.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** The value a check cannot do without: missing, it is a bad profile, said in one line. */
    public String required(String name) {
        return find(name).orElseThrow(() -> new ConfigException(file + ": key " + PREFIX + name
                + " is missing (a check of your own reads it): add it to the profile or pass -D" + PREFIX + name + "=..."));
    }

    /** Every custom value by name (without the prefix), sorted. */
    public Map<String, String> all() {
        return new TreeMap<>(values);
    }

    static CustomValues read(ProfileReader reader) {
        var values = new TreeMap<String, String>();
        for (var key : reader.keysStartingWith(PREFIX)) {
            var name = key.substring(PREFIX.length());
            if (name.isBlank()) {
                throw reader.malformed(key, "", "custom.<name>=value, with a name");
            }
            reader.optional(key).ifPresent(value -> {
                RunValues.problem(value).ifPresent(problem -> {
                    throw new ConfigException(reader.origin(key) + ": key " + key + " " + problem);
                });
                values.put(name, RunValues.expand(value));
            });
        }
        return new CustomValues(values, reader.file());
    }
}
