package dev.stagecheck.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads site profile keys, naming the key and where its value came from in every complaint, and
 * remembers which keys were read so that a misspelt key is reported instead of silently ignored.
 * Every key is looked up as the README's precedence says: {@code -Dkey=value}, then the environment
 * variable {@code STAGECHECK_KEY}, then the profile file ({@link ConfigLayers}), numbered keys too:
 * {@code -Dcontact.field.1.value=...} replaces the file's value, {@code -Dprotected.3.url=...} adds an entry.
 */
public final class ProfileReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");
    /**
     * The key families of a profile. A -D property or STAGECHECK_ variable in one of them that no
     * check reads is a typo or a key this kit does not have, and is refused instead of ignored.
     */
    static final List<String> FAMILIES = List.of("site.name", "start.urls", "nav.", "login.", "logout.", "contact.", "search.",
            "protected.", "forbidden.", "api.", "role.", "access.", "accept.", "never.visit", "crawl.", "server.log.", "custom.");

    private final Properties file;
    private final String fileName;
    private final Properties systemProperties;
    private final Map<String, String> environment;
    private final ConfigLayers layers;
    private final Set<String> read = new HashSet<>();

    /** A profile file alone, with no -D or environment overrides (the kit's own tests). */
    public ProfileReader(Properties file, String fileName) {
        this(file, fileName, new Properties(), Map.of());
    }

    public ProfileReader(Properties file, String fileName, Properties systemProperties, Map<String, String> environment) {
        this.file = file;
        this.fileName = fileName;
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.layers = new ConfigLayers(systemProperties, environment, file);
    }

    public String file() {
        return fileName;
    }

    /** Where a key's value comes from, for messages: the profile file, "-Dkey" or "STAGECHECK_KEY". */
    public String origin(String key) {
        var origin = layers.origin(key, fileName);
        return origin.equals(key + " in " + fileName) ? fileName : origin;
    }

    public Optional<String> optional(String key) {
        read.add(key);
        return layers.find(key);
    }

    public String required(String key, String what) {
        return optional(key).orElseThrow(() -> new ConfigException(
                fileName + ": key " + key + " is missing (" + what + "): add it, see README 'Site profile keys'"));
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

    /** One of a fixed set of words (case-insensitive), returned lower-cased; anything else is refused. */
    public String choice(String key, String defaultValue, List<String> allowed) {
        var value = orDefault(key, defaultValue);
        var lower = value.toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw malformed(key, value, String.join(", ", allowed.subList(0, allowed.size() - 1))
                    + (allowed.size() > 1 ? " or " : "") + allowed.get(allowed.size() - 1));
        }
        return lower;
    }

    /** A value typed into the site (a form field): may hold ${run} and ${time}, expanded when it is typed. */
    public String typedValue(String key, String what) {
        var value = required(key, what);
        RunValues.problem(value).ifPresent(problem -> {
            throw new ConfigException(origin(key) + ": key " + key + " " + problem);
        });
        return value;
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
     * The numbers N used in keys {@code prefix.N.*}, in order (protected.1.url, protected.2.url ...),
     * in the file, in -D properties and in STAGECHECK_ variables. An absurd N (over six digits)
     * matches nothing here and is then reported as an unknown key.
     */
    public List<Integer> indices(String prefix) {
        var indexed = Pattern.compile(Pattern.quote(prefix) + "\\.(\\d{1,6})\\..+");
        var fromEnvironment = Pattern.compile(Pattern.quote(ConfigLayers.environmentName(prefix)) + "_(\\d{1,6})_.+");
        var found = new TreeSet<Integer>();
        for (var key : candidateKeys()) {
            var matcher = indexed.matcher(key);
            if (matcher.matches()) {
                found.add(Integer.parseInt(matcher.group(1)));
            }
        }
        for (var name : environment.keySet()) {
            var matcher = fromEnvironment.matcher(name);
            if (matcher.matches()) {
                found.add(Integer.parseInt(matcher.group(1)));
            }
        }
        return new ArrayList<>(found);
    }

    /** The keys of the file and of -D properties that start with this prefix, sorted (they count as read once asked for). */
    public List<String> keysStartingWith(String prefix) {
        var keys = candidateKeys().stream().filter(key -> key.startsWith(prefix)).sorted().toList();
        read.addAll(keys);
        return keys;
    }

    public SecretRef secret(String key, String what) {
        var name = required(key, "name of the environment variable holding " + what);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            // Not the value in the message: what sits here by mistake is most likely the secret itself.
            throw new ConfigException(origin(key) + ": key " + key + " is malformed: expected the NAME of an environment"
                    + " variable (letters, digits, _), never the secret itself");
        }
        return new SecretRef(name, key, fileName);
    }

    public ConfigException malformed(String key, String value, String expected) {
        return new ConfigException(origin(key) + ": key " + key + " = '" + value + "' is malformed: expected " + expected);
    }

    /**
     * Fails on keys nobody read: almost always a typo that would silently switch a check off. In the
     * file every key counts; of -D properties and STAGECHECK_ variables those of a profile family
     * (a variable the profile names as a secret is a secret, not a key).
     */
    public void rejectUnknownKeys(Set<String> secretNames) {
        var unknown = new TreeSet<String>();
        for (var key : file.stringPropertyNames()) {
            if (!read.contains(key) && !SettingKey.isSettingKey(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException(fileName + ": unknown key " + String.join(", ", unknown)
                    + ": check the spelling against README 'Site profile keys'");
        }
        for (var key : systemProperties.stringPropertyNames()) {
            if (inFamily(key) && !read.contains(key) && !SettingKey.isSettingKey(key)) {
                unknown.add("-D" + key);
            }
        }
        var readNames = new HashSet<String>();
        read.forEach(key -> readNames.add(ConfigLayers.environmentName(key)));
        for (var name : environment.keySet()) {
            if (FAMILIES.stream().anyMatch(family -> name.startsWith(ConfigLayers.environmentName(family)))
                    && !readNames.contains(name) && !secretNames.contains(name) && !SettingKey.isSettingEnvironmentName(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown profile key " + String.join(", ", unknown) + " (overriding " + fileName
                    + "): no check reads it; check the spelling against README 'Site profile keys' (a numbered key needs"
                    + " the rest of its entry, and custom.<name> can be given only as -D or in the file)");
        }
    }

    private Set<String> candidateKeys() {
        var keys = new TreeSet<>(file.stringPropertyNames());
        systemProperties.stringPropertyNames().stream().filter(ProfileReader::inFamily).forEach(keys::add);
        return keys;
    }

    private static boolean inFamily(String key) {
        return FAMILIES.stream().anyMatch(family -> family.endsWith(".") ? key.startsWith(family) : key.equals(family));
    }
}
