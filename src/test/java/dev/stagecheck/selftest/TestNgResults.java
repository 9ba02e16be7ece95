package dev.stagecheck.selftest;

import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a child TestNG run as its {@code testng-results.xml} records it, per
 * {@code <test>} block of the suite: each test method's status and, for failures and skips, the
 * exception message (a skipped configuration method's message too: a skip in {@code @BeforeClass}
 * is where a browser's absence is explained).
 */
record TestNgResults(Map<String, List<Method>> byTest) {

    /** One executed method: class.method, PASS/FAIL/SKIP, the exception message (may be empty) and class ("" when none). */
    record Method(String name, String status, boolean config, String message, String exception) {
        boolean is(String wanted) {
            return status.equalsIgnoreCase(wanted);
        }
    }

    static TestNgResults read(Path file) throws IOException {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(file.toFile());
            var byTest = new LinkedHashMap<String, List<Method>>();
            var tests = document.getElementsByTagName("test");
            for (int i = 0; i < tests.getLength(); i++) {
                var test = (Element) tests.item(i);
                var methods = byTest.computeIfAbsent(test.getAttribute("name"), name -> new ArrayList<>());
                var classes = test.getElementsByTagName("class");
                for (int c = 0; c < classes.getLength(); c++) {
                    var type = (Element) classes.item(c);
                    var runs = type.getElementsByTagName("test-method");
                    for (int m = 0; m < runs.getLength(); m++) {
                        var run = (Element) runs.item(m);
                        methods.add(new Method(simpleName(type.getAttribute("name")) + "." + run.getAttribute("name"),
                                run.getAttribute("status"), "true".equals(run.getAttribute("is-config")), message(run), exception(run)));
                    }
                }
            }
            return new TestNgResults(byTest);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The test methods (not configuration methods) of a {@code <test>} block. */
    List<Method> tests(String testName) {
        return byTest.getOrDefault(testName, List.of()).stream().filter(method -> !method.config()).toList();
    }

    /** Every skip message of a block, configuration methods included. */
    List<String> skipMessages(String testName) {
        return byTest.getOrDefault(testName, List.of()).stream()
                .filter(method -> method.is("SKIP") && !method.message().isBlank()).map(Method::message).toList();
    }

    private static String message(Element run) {
        var messages = run.getElementsByTagName("message");
        return messages.getLength() == 0 ? "" : messages.item(0).getTextContent().strip();
    }

    private static String exception(Element run) {
        var exceptions = run.getElementsByTagName("exception");
        return exceptions.getLength() == 0 ? "" : ((Element) exceptions.item(0)).getAttribute("class");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
