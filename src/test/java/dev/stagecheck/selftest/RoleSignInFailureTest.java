package dev.stagecheck.selftest;

import dev.stagecheck.config.TargetSite;
import dev.stagecheck.demo.DemoSiteProvider;
import org.testng.ITestResult;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * A role whose sign-in fails is one line, not a wall of cells: the access matrix on the demo with
 * the staff role's password wrong must fail with exactly one "Role sign-in failed" line naming the
 * role, no cell of that role, and every other role still checked (and green).
 */
public class RoleSignInFailureTest {
    /** The staff role only opens URLs; the member role also searches the /members/* area first, then opens the rest. */
    @DataProvider
    public Object[][] roles() {
        return new Object[][] {{"staff", "STAGECHECK_DEMO_STAFF_PASSWORD"}, {"member", "STAGECHECK_DEMO_PASSWORD"}};
    }

    @Test(dataProvider = "roles", description = "a role that cannot sign in is reported once, and the other roles are still checked")
    public void aFailedSignInIsOneLine(String role, String passwordVariable) {
        TargetSite.baseUrl();
        DemoSiteProvider.running().orElseThrow(() -> new AssertionError("this self-test needs the built-in demo site: run it without -Dbase.url"));
        var suite = new XmlSuite();
        suite.setName("role sign-in failure");
        var test = new XmlTest(suite);
        test.setName("access matrix");
        test.setXmlClasses(List.of(new XmlClass("dev.stagecheck.checklist.AccessMatrixTest")));
        var right = System.getProperty(passwordVariable);
        System.setProperty(passwordVariable, "not-the-" + role + "-password");
        List<ITestResult> results;
        try {
            results = InProcessRun.of(List.of(suite), ProjectFiles.projectDir().resolve("target/selftest-role-sign-in"), "wrong-" + role + "-password");
        } finally {
            if (right == null) {
                System.clearProperty(passwordVariable);
            } else {
                System.setProperty(passwordVariable, right);
            }
        }
        assertEquals(results.size(), 1, "one access matrix test");
        var result = results.get(0);
        assertEquals(result.getStatus(), ITestResult.FAILURE, "the matrix must fail when a role cannot sign in");
        var lines = InProcessRun.message(result).lines().filter(line -> line.contains(": ")).toList();
        var signIn = lines.stream().filter(line -> line.startsWith("Role sign-in failed: " + role + " could not sign in")).toList();
        assertEquals(signIn.size(), 1, "one line for the " + role + " role's sign-in: " + lines);
        assertTrue(signIn.get(0).contains("$" + passwordVariable) && !signIn.get(0).contains("not-the-" + role + "-password"),
                "the line names the variable, never its value: " + signIn.get(0));
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("Wrong access:")),
                "no cell fails: the " + role + " role's are not checked, the other roles' are right: " + lines);
    }
}
