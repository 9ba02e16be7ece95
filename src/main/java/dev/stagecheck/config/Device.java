package dev.stagecheck.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Named screen sizes of the guide's "desktop, laptop, tablet and mobile". */
public enum Device {
    DESKTOP("desktop", 1920, 1080, false),
    LAPTOP("laptop", 1366, 768, false),
    TABLET("tablet", 768, 1024, true),
    MOBILE("mobile", 390, 844, true);

    private final String key;
    private final int width;
    private final int height;
    private final boolean touch;

    Device(String key, int width, int height, boolean touch) {
        this.key = key;
        this.width = width;
        this.height = height;
        this.touch = touch;
    }

    public String key() {
        return key;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean touch() {
        return touch;
    }

    public static Device parse(String value, String origin) {
        var wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(device -> device.key.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ConfigException("unknown device '" + value + "' (" + origin + "): use one of "
                        + Arrays.stream(values()).map(Device::key).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return key + " " + width + "x" + height;
    }
}
