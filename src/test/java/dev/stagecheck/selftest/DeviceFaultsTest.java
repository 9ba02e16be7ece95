package dev.stagecheck.selftest;

import dev.stagecheck.config.TargetSite;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.demo.Fault;
import dev.stagecheck.report.RunSettings;
import org.testng.ITestResult;
import org.testng.SkipException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * The device checks catch what only small screens show: with a small-screen fault on, the device
 * layout test fails on mobile naming the page and the symptom, and the same test passes on desktop
 * (where the fault does not show), so it is the device that makes the difference.
 */
public class DeviceFaultsTest {

    /** What DeviceLayoutTest must say on a phone for each small-screen fault: the page, and words of the symptom. */
    record Expected(String path, String symptom) {}

    static final Map<Fault, Expected> EXPECTED = Map.of(
            Fault.WIDE_PAGE, new Expected("/products/", "scrolls sideways on mobile"),
            Fault.HIDDEN_MENU, new Expected("/", "the menu cannot be reached"));

    @DataProvider
    public Object[][] smallScreenFaults() {
        return EXPECTED.keySet().stream().sorted().map(fault -> new Object[] {fault}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "smallScreenFaults",
            description = "a small-screen fault fails the device layout check on mobile, naming page and symptom, and not on desktop")
    public void deviceLayoutCatchesSmallScreenFault(Fault fault) {
        TargetSite.baseUrl();
        var demo = DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
        var expected = EXPECTED.get(fault);
        demo.faults(Set.of(fault));
        Map<String, ITestResult> results;
        try {
            results = run(fault);
        } finally {
            demo.faults(Set.of());
        }
        var mobile = results.get("mobile");
        assertEquals(mobile.getStatus(), ITestResult.FAILURE, fault.key() + " must fail the layout check on mobile");
        var message = String.valueOf(mobile.getThrowable().getMessage());
        var line = message.lines().filter(l -> l.contains(expected.symptom()) && l.contains(TargetSite.resolve(expected.path()) + " "))
                .findFirst();
        assertTrue(line.isPresent(), fault.key() + " on mobile must be reported as '" + expected.symptom() + "' on "
                + expected.path() + ", the test said: " + message);
        assertEquals(results.get("desktop").getStatus(), ITestResult.SUCCESS,
                fault.key() + " does not show on a desktop screen, so the desktop run must pass: "
                        + InProcessRun.message(results.get("desktop")));
    }

    /** DeviceLayoutTest on mobile and on desktop, in this JVM; results by device. */
    private static Map<String, ITestResult> run(Fault fault) {
        var suite = new XmlSuite();
        suite.setName("devices " + fault.key());
        suite.setListeners(new ArrayList<>(List.of("dev.stagecheck.report.ChecklistListener")));
        for (var device : List.of("mobile", "desktop")) {
            var test = new XmlTest(suite);
            test.setName(device);
            test.addParameter(RunSettings.DEVICE, device);
            test.setXmlClasses(List.of(new XmlClass("dev.stagecheck.checklist.DeviceLayoutTest")));
        }
        var results = new java.util.HashMap<String, ITestResult>();
        InProcessRun.of(List.of(suite), ProjectFiles.projectDir().resolve("target/selftest-devices"), fault.key())
                .forEach(result -> results.put(result.getTestContext().getName(), result));
        assertEquals(results.keySet(), Set.of("mobile", "desktop"), "both device runs should report");
        return results;
    }
}
