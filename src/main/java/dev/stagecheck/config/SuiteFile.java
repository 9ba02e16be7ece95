package dev.stagecheck.config;

import dev.stagecheck.config.BrowserKind;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a TestNG suite file asks of the browsers: the {@code browser} parameters of its test blocks,
 * following {@code <suite-files>}. Read before the run, so the preflight can check each browser.
 */
public final class SuiteFile {
    private SuiteFile() {
    }

    /**
     * The browsers the suite names, in order, that the run's browsers setting keeps; empty when it
     * names none (the run's browser setting applies).
     */
    public static Set<BrowserKind> browsers(Path suite, Settings settings) {
        var found = new LinkedHashSet<BrowserKind>();
        collect(suite, found, 0);
        var kept = new LinkedHashSet<BrowserKind>();
        found.stream().filter(settings::runsBrowser).forEach(kept::add);
        if (!found.isEmpty() && kept.isEmpty()) {
            throw new ConfigException("browsers=" + settings.onlyBrowsers().stream().map(BrowserKind::key).sorted().toList()
                    + " leaves none of the browsers " + suite + " names (" + found.stream().map(BrowserKind::key).toList()
                    + "): name one of those, or leave browsers empty");
        }
        return kept;
    }

    private static void collect(Path suite, Set<BrowserKind> found, int depth) {
        if (depth > 5) {
            throw new ConfigException("suite " + suite + " includes suite files more than 5 levels deep: check <suite-files> for a cycle");
        }
        if (!Files.isRegularFile(suite)) {
            throw new ConfigException("suite file " + suite + " not found: give an existing TestNG suite, e.g. -Dsuite=suites/cross-browser.xml");
        }
        try {
            var factory = DocumentBuilderFactory.newInstance();
            // The DOCTYPE names testng.org's DTD; never fetch it (offline machines, and no need).
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var document = factory.newDocumentBuilder().parse(suite.toFile());
            var parameters = document.getElementsByTagName("parameter");
            for (int i = 0; i < parameters.getLength(); i++) {
                var parameter = (Element) parameters.item(i);
                if ("browser".equals(parameter.getAttribute("name"))) {
                    found.add(BrowserKind.parse(parameter.getAttribute("value"), "browser parameter in " + suite));
                }
            }
            var children = document.getElementsByTagName("suite-file");
            for (int i = 0; i < children.getLength(); i++) {
                var child = suite.toAbsolutePath().getParent().resolve(((Element) children.item(i)).getAttribute("path"));
                collect(child.normalize(), found, depth + 1);
            }
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new ConfigException("suite file " + suite + " cannot be read (" + OneLine.of(e.getMessage()) + "): fix the XML");
        }
    }
}
