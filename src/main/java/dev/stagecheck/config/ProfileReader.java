package dev.stagecheck.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads site profile keys, naming the key and the file in every complaint, and remembers which
 * keys were read so that a misspelt key is reported instead of silently ignored.
 */
public final class ProfileReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

    private final Properties properties;
    private final String file;
    private final Set<String> read = new HashSet<>();

    public ProfileReader(Properties properties, String file) {
        this.properties = properties;
        this.file = file;
    }

    public String file() {
        return file;
    }

    public Optional<String> optional(String key) {
        read.add(key);
        var value = properties.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String required(String key, String what) {
        return optional(key).orElseThrow(() -> new ConfigException(
                file + ": key " + key + " is missing (" + what + "): add it, see README 'Site profile keys'"));
    }

    public String orDefault(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    public boolean has(String key) {
        return optional(key).isPresent();
    }

    public List<String> list(String key, String defaultValue) {
        return Arrays.stream(orDefault(key, defaultValue).split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    public int integer(String key, int defaultValue) {
        var value = orDefault(key, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw malformed(key, value, "a whole number");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        var value = orDefault(key, Boolean.toString(defaultValue));
        return switch (value.toLowerCase()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw malformed(key, value, "true or false");
        };
    }

    /** A duration such as 3s, 500ms or 5m. */
    public Duration duration(String key, String defaultValue) {
        var value = orDefault(key, defaultValue).trim();
        var matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw malformed(key, value, "a duration such as 3s, 500ms or 5m");
        }
        var unit = matcher.group(2) == null ? "s" : matcher.group(2);
        var millis = Math.round(Double.parseDouble(matcher.group(1)) * switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            default -> 1000;
        });
        if (millis <= 0) {
            throw malformed(key, value, "a positive duration");
        }
        return Duration.ofMillis(millis);
    }

    /**
     * The numbers N used in keys {@code prefix.N.*}, in order (protected.1.url, protected.2.url ...).
     * An absurd N (over six digits) matches nothing here and is then reported as an unknown key.
     */
    public List<Integer> indices(String prefix) {
        var indexed = Pattern.compile(Pattern.quote(prefix) + "\\.(\\d{1,6})\\..+");
        var found = new TreeSet<Integer>();
        for (var key : properties.stringPropertyNames()) {
            var matcher = indexed.matcher(key);
            if (matcher.matches()) {
                found.add(Integer.parseInt(matcher.group(1)));
            }
        }
        return new ArrayList<>(found);
    }

    /** The keys of the file that start with this prefix, sorted (they count as read once asked for). */
    public List<String> keysStartingWith(String prefix) {
        var keys = properties.stringPropertyNames().stream().filter(key -> key.startsWith(prefix)).sorted().toList();
        read.addAll(keys);
        return keys;
    }

    public SecretRef secret(String key, String what) {
        var name = required(key, "name of the environment variable holding " + what);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            // Not the value in the message: what sits here by mistake is most likely the secret itself.
            throw new ConfigException(file + ": key " + key + " is malformed: expected the NAME of an environment"
                    + " variable (letters, digits, _), never the secret itself");
        }
        return new SecretRef(name, key, file);
    }

    public ConfigException malformed(String key, String value, String expected) {
        return new ConfigException(file + ": key " + key + " = '" + value + "' is malformed: expected " + expected);
    }

    /** Fails on keys nobody read: almost always a typo that would silently switch a check off. */
    public void rejectUnknownKeys() {
        var unknown = new TreeSet<String>();
        for (var key : properties.stringPropertyNames()) {
            if (!read.contains(key) && !SettingKey.isSettingKey(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException(file + ": unknown key " + String.join(", ", unknown)
                    + ": check the spelling against README 'Site profile keys'");
        }
    }
}
