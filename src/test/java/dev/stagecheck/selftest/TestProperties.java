package dev.stagecheck.selftest;

import java.util.Properties;

/** -D properties for a {@code Settings.load} in a test, written as key, value, key, value ... */
final class TestProperties {
    private TestProperties() {
    }

    static Properties props(String... keysAndValues) {
        var properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
