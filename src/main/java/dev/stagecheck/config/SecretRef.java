package dev.stagecheck.config;

/**
 * A secret named by the profile (the name of an environment variable, or of a -D property), never
 * the secret itself. {@link #value()} reads it when a test needs it; {@link #toString()} never shows it.
 */
public record SecretRef(String name, String profileKey, String profileFile) {

    public boolean isSet() {
        var value = lookup();
        return value != null && !value.isEmpty();
    }

    public String value() {
        var value = lookup();
        if (value == null || value.isEmpty()) {
            throw new ConfigException("secret " + name + " (named by " + profileKey + " in " + profileFile
                    + ") is not set: export " + name + "=... or pass -D" + name + "=... before the run");
        }
        return value;
    }

    private String lookup() {
        var fromProperty = System.getProperty(name);
        return fromProperty != null ? fromProperty : System.getenv(name);
    }

    @Override
    public String toString() {
        return "$" + name;
    }
}
