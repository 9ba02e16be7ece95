package dev.stagecheck.config;

/**
 * Bad input from the user: a setting, a profile key, an unreachable site, a missing browser.
 * The message is one line that says what is wrong and what to do; it is printed as it is,
 * without a stack trace.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message, null, false, false);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
