package dev.stagecheck.time;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The moment a wait gives up, and the two ways the kit waits for something until then: woken by
 * whoever changes it ({@link #await}), or, for what nobody signals (a file appearing, a server
 * starting, a page settling), by asking again after pauses that grow ({@link #poll}). One place,
 * so every wait treats its timeout and an interrupt the same way.
 */
public final class Deadline {
    /** The first pause between two asks of {@link #poll}: most conditions hold within a few ms. */
    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(5).toNanos();
    /** The longest pause: a condition that takes long is still seen soon after it holds. */
    private static final long LONGEST_PAUSE_NANOS = Duration.ofMillis(50).toNanos();
    /** Far enough ahead to mean "never", near enough that nanoTime arithmetic cannot overflow. */
    private static final long NEVER_NANOS = Long.MAX_VALUE / 4;

    private final long at;

    private Deadline(long at) {
        this.at = at;
    }

    /** The moment {@code timeout} from now. */
    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + nanos(timeout));
    }

    private static long nanos(Duration timeout) {
        if (timeout.isNegative()) {
            return 0;
        }
        return timeout.compareTo(Duration.ofNanos(NEVER_NANOS)) > 0 ? NEVER_NANOS : timeout.toNanos();
    }

    /** This deadline, or {@code timeout} from now when that comes first. */
    public Deadline atMost(Duration timeout) {
        var sooner = after(timeout);
        return sooner.at - at < 0 ? sooner : this;
    }

    public boolean passed() {
        return nanosLeft() <= 0;
    }

    private long nanosLeft() {
        return at - System.nanoTime();
    }

    /**
     * Waits until {@code done} holds: asked at once, then each time {@code monitor} is notified.
     * The caller holds the monitor's lock, and whoever changes what {@code done} reads calls
     * {@code notifyAll()} on it. False when the deadline passed first, or when the thread was
     * interrupted (its interrupt flag is then set again).
     */
    public boolean await(Object monitor, BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            var left = nanosLeft();
            if (left <= 0) {
                return false;
            }
            try {
                monitor.wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Asks {@code done} until it holds: at once, then after pauses that grow from a few
     * milliseconds to a few dozen (never past the deadline, and once more at it). False when the
     * deadline passed first, or when the thread was interrupted (its interrupt flag is then set again).
     */
    public boolean poll(BooleanSupplier done) {
        var pause = FIRST_PAUSE_NANOS;
        while (!done.getAsBoolean()) {
            var left = nanosLeft();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause + pause / 2, LONGEST_PAUSE_NANOS);
        }
        return true;
    }
}
