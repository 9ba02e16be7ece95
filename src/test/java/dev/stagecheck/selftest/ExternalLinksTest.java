package dev.stagecheck.selftest;

import com.sun.net.httpserver.HttpServer;
import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.ExternalLink;
import dev.stagecheck.crawl.ExternalLinkChecker;
import dev.stagecheck.safety.RefusedLinks;
import dev.stagecheck.verdict.CrawlVerdicts;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.ResponseRule;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * Links to other sites: a failure names the other host and why, never base.url; a machine that
 * resolves no host name at all says so once instead of one broken link per link. Hosts under the
 * reserved .invalid top-level domain never resolve anywhere (RFC 2606), so the test holds with or
 * without DNS; the answering "other site" is a local server.
 */
public class ExternalLinksTest {
    private HttpServer other;

    @BeforeClass
    public void startAnotherSite() throws IOException {
        other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200, -1);
            exchange.close();
        });
        other.start();
    }

    @AfterClass(alwaysRun = true)
    public void stopIt() {
        if (other != null) {
            other.stop(0);
        }
    }

    @Test(description = "when no external host name resolves, the links are not checked and none is a finding")
    public void noNameResolvesMeansNotChecked() {
        var links = new LinkedHashMap<String, String>();
        links.put("https://docs.vendor-one.invalid/guide", "http://127.0.0.1/docs/");
        links.put("https://cdn.vendor-two.invalid/app.js", "http://127.0.0.1/");
        var checked = new ExternalLinkChecker(Duration.ofSeconds(5)).check(links);
        assertEquals(checked.size(), 2);
        for (var link : checked) {
            assertFalse(link.broken(), "not checked, so not broken: " + link);
            assertTrue(link.error().orElse("").startsWith(ExternalLink.NOT_CHECKED), link.toString());
        }
        assertEquals(findings(checked), List.of(), "no finding for links that could not be checked");
    }

    @Test(description = "when some external links resolve, each unreachable one is a finding naming its host and the reason")
    public void aMixKeepsOneFindingPerBrokenLink() {
        var base = "http://127.0.0.1:" + other.getAddress().getPort();
        var links = new LinkedHashMap<String, String>();
        links.put("https://gone.vendor.invalid/page", "http://127.0.0.1/docs/");
        links.put(base + "/missing", "http://127.0.0.1/docs/faq");
        links.put(base + "/fine", "http://127.0.0.1/");
        var found = findings(new ExternalLinkChecker(Duration.ofSeconds(5)).check(links));
        assertEquals(found.size(), 2, found.toString());
        var unresolved = found.get(0).line();
        assertTrue(unresolved.startsWith("Broken link: https://gone.vendor.invalid/page"), unresolved);
        assertTrue(unresolved.contains("host gone.vendor.invalid did not answer (host name not found)"), unresolved);
        assertFalse(unresolved.contains("base.url"), "the site under test is not the one to check: " + unresolved);
        assertTrue(found.get(1).line().contains("external link answered 404"), found.get(1).line());
    }

    private static List<Finding> findings(List<ExternalLink> links) {
        var crawl = new CrawlResult("visitor", List.of(), links, Optional.empty(), 0, new RefusedLinks(), 0);
        return new CrawlVerdicts(ResponseRule.expecting(List.of(), List.of()), Duration.ofSeconds(2)).findings(crawl);
    }
}
