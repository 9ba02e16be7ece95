package dev.stagecheck.demo;

import java.util.Set;

/**
 * Which {@link Fault}s are on right now. Handlers ask on every request, so a test can switch
 * faults on a running site; the set is immutable and swapped whole, so a request sees one
 * consistent set without locking.
 */
final class FaultSwitch {

    private volatile Set<Fault> on;

    FaultSwitch(Set<Fault> initial) {
        this.on = Fault.copyOf(initial);
    }

    boolean on(Fault fault) {
        return on.contains(fault);
    }

    /** The faults now on: immutable, in declaration order. */
    Set<Fault> current() {
        return on;
    }

    void set(Set<Fault> faults) {
        this.on = Fault.copyOf(faults);
    }
}
