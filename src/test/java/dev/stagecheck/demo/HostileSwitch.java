package dev.stagecheck.demo;

/**
 * Whether the demo's hostile section ({@link HostilePages}) is on right now. Like the faults it can
 * be switched on a running site: its pages and its menu link exist only while it is on.
 */
final class HostileSwitch {

    private volatile boolean on;

    HostileSwitch(boolean initial) {
        this.on = initial;
    }

    boolean on() {
        return on;
    }

    void set(boolean on) {
        this.on = on;
    }
}
