package dev.stagecheck.report;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class the kit watches and reports: the listeners (registered once, through TestNG's
 * service loader, in META-INF/services/org.testng.ITestNGListener) guard, retry and report the tests
 * of such classes and leave every other TestNG test on the classpath alone. Inherited: a class of
 * your own that extends {@code ChecklistTest} is one. {@link ChecklistAreas} tells which tests are.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ChecklistArea {
}
