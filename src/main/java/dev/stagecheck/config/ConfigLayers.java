package dev.stagecheck.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Looks a key up in the three places a user can set it, strongest first:
 * {@code -Dkey=value}, then the environment variable {@code STAGECHECK_KEY} (dots and dashes
 * become underscores), then the site profile file.
 */
public final class ConfigLayers {
    private final Properties systemProperties;
    private final Map<String, String> environment;
    private final Properties profile;

    public ConfigLayers(Properties systemProperties, Map<String, String> environment, Properties profile) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.profile = profile;
    }

    public static String environmentName(String key) {
        return "STAGECHECK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> find(String key) {
        var fromProperty = systemProperties.getProperty(key);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Optional.of(fromProperty.trim());
        }
        var fromEnvironment = environment.get(environmentName(key));
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.trim());
        }
        var fromProfile = profile.getProperty(key);
        return fromProfile == null || fromProfile.isBlank() ? Optional.empty() : Optional.of(fromProfile.trim());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** Where a key's value came from, for messages: "-Dbase.url", "STAGECHECK_BASE_URL" or the profile file. */
    public String origin(String key, String profileFile) {
        if (isSet(systemProperties.getProperty(key))) {
            return "-D" + key;
        }
        if (isSet(environment.get(environmentName(key)))) {
            return environmentName(key);
        }
        return key + " in " + profileFile;
    }
}
