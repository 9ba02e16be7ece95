package dev.stagecheck.selftest;

import dev.stagecheck.time.Deadline;
import org.testng.annotations.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** {@link Deadline}: every wait of the kit, woken by a change or asking with growing pauses, and how it gives up. */
public class DeadlineTest {

    @Test
    public void awaitWakesWhenNotifiedNotAtTheTimeout() throws Exception {
        var monitor = new Object();
        var done = new AtomicBoolean();
        var waiting = new CountDownLatch(1);
        var helper = new Thread(() -> {
            try {
                waiting.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (monitor) {
                done.set(true);
                monitor.notifyAll();
            }
        });
        helper.start();
        var started = System.nanoTime();
        boolean held;
        synchronized (monitor) {
            waiting.countDown(); // The helper can only take the lock once wait() has released it.
            held = Deadline.after(Duration.ofSeconds(30)).await(monitor, done::get);
        }
        var millis = (System.nanoTime() - started) / 1_000_000;
        helper.join();
        assertTrue(held, "the condition held when the monitor was notified");
        assertTrue(millis < 10_000, "await returned " + millis + " ms after the notify, not at its 30 s timeout");
    }

    @Test
    public void awaitGivesUpAtTheDeadline() {
        var monitor = new Object();
        var started = System.nanoTime();
        boolean held;
        synchronized (monitor) {
            held = Deadline.after(Duration.ofMillis(200)).await(monitor, () -> false);
        }
        var millis = (System.nanoTime() - started) / 1_000_000;
        assertFalse(held);
        assertTrue(millis >= 190, "gave up after " + millis + " ms, before its 200 ms deadline");
    }

    @Test
    public void pollPausesLongerEachTime() {
        var asks = new AtomicInteger();
        var started = System.nanoTime();
        var held = Deadline.after(Duration.ofMillis(600)).poll(() -> {
            asks.incrementAndGet();
            return false;
        });
        var millis = (System.nanoTime() - started) / 1_000_000;
        assertFalse(held);
        assertTrue(millis >= 590, "gave up after " + millis + " ms, before its 600 ms deadline");
        // Every 5 ms would be 120 asks; pauses growing to 50 ms make about 20.
        assertTrue(asks.get() >= 3 && asks.get() <= 40, asks.get() + " asks in 600 ms");
    }

    @Test
    public void pollStopsAsSoonAsTheConditionHolds() {
        var asks = new AtomicInteger();
        assertTrue(Deadline.after(Duration.ofSeconds(30)).poll(() -> asks.incrementAndGet() == 3));
        assertEquals(asks.get(), 3);
    }

    @Test
    public void anInterruptEndsTheWaitAndStaysSet() {
        Thread.currentThread().interrupt();
        try {
            assertFalse(Deadline.after(Duration.ofSeconds(30)).poll(() -> false));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is set again for the caller");
            var monitor = new Object();
            synchronized (monitor) {
                assertFalse(Deadline.after(Duration.ofSeconds(30)).await(monitor, () -> false));
            }
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is set again for the caller");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    public void atMostTakesTheEarlierMoment() {
        var far = Deadline.after(Duration.ofDays(365 * 1000));
        assertFalse(far.passed(), "a far deadline (beyond nanoTime's range) has not passed");
        assertTrue(far.atMost(Duration.ZERO).passed());
        assertFalse(Deadline.after(Duration.ofSeconds(30)).atMost(Duration.ofDays(1)).passed());
        assertTrue(Deadline.after(Duration.ofMillis(-5)).passed());
    }
}
