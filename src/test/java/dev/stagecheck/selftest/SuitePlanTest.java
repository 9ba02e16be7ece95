package dev.stagecheck.selftest;

import dev.stagecheck.report.SuitePlan;
import org.testng.annotations.Test;

import java.util.OptionalLong;

import static org.testng.Assert.assertEquals;

/** Worker threads drive one browser each: never more than the suite allows, the cores, or the free memory. */
public class SuitePlanTest {

    @Test(description = "the suite's thread-count is a ceiling that cores and free memory lower, never below one")
    public void workersAreBoundedByCoresAndMemory() {
        assertEquals(SuitePlan.workers(2, 2, OptionalLong.of(20_000)), 2, "2-core machine with plenty of memory");
        assertEquals(SuitePlan.workers(4, 2, OptionalLong.of(20_000)), 2, "more threads asked than cores");
        assertEquals(SuitePlan.workers(4, 16, OptionalLong.of(1_200)), 2, "1.2 GiB free: two browsers of ~500 MiB");
        assertEquals(SuitePlan.workers(2, 8, OptionalLong.of(100)), 1, "almost no memory: still one worker");
        assertEquals(SuitePlan.workers(3, 8, OptionalLong.empty()), 3, "memory unknown: cores and the ceiling decide");
    }
}
