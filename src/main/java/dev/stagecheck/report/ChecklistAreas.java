package dev.stagecheck.report;

import org.testng.ISuite;
import org.testng.ITestNGMethod;
import org.testng.xml.XmlSuite;

/** Which tests are {@link ChecklistArea}s: the one question every listener of the kit asks before it acts. */
public final class ChecklistAreas {
    private ChecklistAreas() {
    }

    /** Whether this class is a checklist area (the kit's own, or one of yours). */
    public static boolean is(Class<?> testClass) {
        return testClass != null && testClass.isAnnotationPresent(ChecklistArea.class);
    }

    public static boolean is(ITestNGMethod method) {
        return method != null && method.getRealClass() != null && is(method.getRealClass());
    }

    /** Whether this suite runs any checklist area, so that suite-wide work (categories, the server log's start) is worth doing. */
    public static boolean in(ISuite suite) {
        return suite.getAllMethods().stream().anyMatch(ChecklistAreas::is) || in(suite.getXmlSuite());
    }

    /** The same, from the suite file alone (before TestNG has read the classes' annotations). */
    public static boolean in(XmlSuite suite) {
        return suite.getTests().stream().flatMap(test -> test.getClasses().stream()).anyMatch(xmlClass -> is(loaded(xmlClass.getName())))
                || suite.getChildSuites().stream().anyMatch(ChecklistAreas::in);
    }

    private static Class<?> loaded(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
