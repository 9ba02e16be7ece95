package dev.stagecheck.selftest;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.demo.DemoOptions;
import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.demo.DemoSiteProvider;
import org.testng.annotations.Test;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/**
 * The demo scaled up with {@code -Ddemo.pages=N} (over plain HTTP, no browser): every generated
 * page answers, is reachable by links from {@code /} within the demo profile's crawl depth, and
 * uses only assets that answer; with no pages the demo is the one every other self-test knows.
 */
public class DemoCatalogTest {

    /** The demo profile's {@code crawl.max.depth}: a default crawl must reach every generated page. */
    private static final int CRAWL_MAX_DEPTH = 5;
    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#?]*)\"");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:assets/|favicon)[^\"]*)\"");
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

    /** What a breadth-first walk over the site's links found: depth and title of every 200 page, every asset named. */
    private record Walk(Map<String, Integer> depth, Map<String, String> title, Map<String, String> body, Set<String> assets) {
    }

    @Test
    public void fiftyPagesAnswerAndAreReachableFromTheStartPage() throws Exception {
        try (DemoSite site = DemoSite.start(DemoOptions.defaults().withPages(50))) {
            DemoClient client = new DemoClient(site.baseUrl());
            Walk walk = walk(client);
            Set<String> titles = new HashSet<>();
            for (int item = 1; item <= 50; item++) {
                String path = "/catalog/item-" + item;
                assertTrue(walk.depth().containsKey(path), path + " not reached from / (reached: " + walk.depth().keySet() + ")");
                assertTrue(walk.depth().get(path) <= CRAWL_MAX_DEPTH, path + " at depth " + walk.depth().get(path));
                assertEquals(walk.title().get(path), "Item " + item + " \u00b7 Catalog \u00b7 Demo Staging");
                assertTrue(titles.add(walk.title().get(path)), "title twice: " + walk.title().get(path));
                String html = walk.body().get(path);
                assertTrue(html.contains("<form class=\"item-search\" action=\"/search\" method=\"get\""), path + " has its form");
                assertTrue(html.contains("<img class=\"section-image\" src=\"/assets/img/"), path + " has its image");
                assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/assets/site.css\">")
                        && html.contains("<script src=\"/assets/site.js\" defer></script>"), path + " has the shared stylesheet and script");
            }
            assertFalse(walk.depth().containsKey("/catalog/item-51"));
            for (String asset : walk.assets()) {
                assertEquals(client.get(asset).statusCode(), 200, asset);
            }
            assertEquals(client.get("/catalog/item-51").statusCode(), 404);
            assertEquals(client.get("/catalog/item-0").statusCode(), 404);
            assertEquals(client.get("/catalog").statusCode(), 301);
        }
    }

    @Test
    public void aThousandPagesStayWithinTheDemoProfilesCrawlDepth() throws Exception {
        try (DemoSite site = DemoSite.start(DemoOptions.defaults().withPages(1000))) {
            Walk walk = walk(new DemoClient(site.baseUrl()));
            long items = walk.depth().keySet().stream().filter(path -> path.startsWith("/catalog/item-")).count();
            assertEquals(items, 1000L);
            int deepest = walk.depth().values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertTrue(deepest <= CRAWL_MAX_DEPTH, "deepest page at depth " + deepest);
        }
    }

    @Test
    public void theSameSizeServesTheSamePages() throws Exception {
        try (DemoSite one = DemoSite.start(DemoOptions.defaults().withPages(20));
             DemoSite two = DemoSite.start(DemoOptions.defaults().withPages(20))) {
            for (String path : new String[] {"/", "/catalog/", "/catalog/item-7", "/catalog/item-20"}) {
                assertEquals(new DemoClient(one.baseUrl()).get(path).body(), new DemoClient(two.baseUrl()).get(path).body(), path);
            }
        }
    }

    @Test
    public void withoutPagesTheDemoIsUnchanged() throws Exception {
        assertEquals(DemoOptions.defaults().pages(), 0);
        try (DemoSite site = DemoSite.start()) {
            DemoClient client = new DemoClient(site.baseUrl());
            assertFalse(client.get("/").body().contains("/catalog"), "home page links no catalog");
            assertEquals(client.get("/catalog/").statusCode(), 404);
            assertEquals(client.get("/catalog/item-1").statusCode(), 404);
            assertFalse(walk(client).depth().keySet().stream().anyMatch(path -> path.startsWith("/catalog")));
        }
    }

    @Test
    public void theDemoPagesPropertyIsAWholeNumberOrOneLineSaysWhy() {
        assertEquals(DemoSiteProvider.pagesFrom(null), 0);
        assertEquals(DemoSiteProvider.pagesFrom(" "), 0);
        assertEquals(DemoSiteProvider.pagesFrom("200"), 200);
        assertEquals(DemoSiteProvider.pagesFrom(" 1000 "), 1000);
        for (String wrong : new String[] {"-1", "lots", "1e3", "100001", "5\n6"}) {
            String message = expectThrows(ConfigException.class, () -> DemoSiteProvider.pagesFrom(wrong)).getMessage();
            assertTrue(message.startsWith("demo.pages must be a whole number from 0 to 100000, not '"), message);
            assertFalse(message.contains("\n"), message);
        }
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.defaults().withPages(-1));
    }

    /**
     * Breadth-first over the {@code href}s of every HTML page that answers 200, from {@code /}, as
     * a crawler would (never {@code /logout} or the demo's own {@code /_demo/} pages).
     */
    private static Walk walk(DemoClient client) throws Exception {
        Map<String, Integer> depth = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        Set<String> assets = new LinkedHashSet<>();
        Set<String> queued = new HashSet<>(Set.of("/"));
        ArrayDeque<Map.Entry<String, Integer>> queue = new ArrayDeque<>();
        queue.add(Map.entry("/", 0));
        while (!queue.isEmpty()) {
            Map.Entry<String, Integer> next = queue.poll();
            HttpResponse<String> response = client.get(next.getKey());
            if (response.statusCode() != 200
                    || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            String html = response.body();
            depth.put(next.getKey(), next.getValue());
            bodies.put(next.getKey(), html);
            Matcher title = TITLE.matcher(html);
            titles.put(next.getKey(), title.find() ? title.group(1) : "");
            Matcher asset = ASSET.matcher(html);
            while (asset.find()) {
                assets.add(asset.group(1));
            }
            Matcher href = HREF.matcher(html);
            while (href.find()) {
                String path = href.group(1);
                if (!path.startsWith("/assets/") && !path.startsWith("/favicon") && !path.startsWith("/logout")
                        && !path.startsWith("/_demo/") && queued.add(path)) {
                    queue.add(Map.entry(path, next.getValue() + 1));
                }
            }
        }
        return new Walk(depth, titles, bodies, assets);
    }
}
