package dev.stagecheck.demo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Serves the stylesheet, script, images and favicon; a few minutes of caching is harmless for fixed files. */
final class StaticAssets {

    private static final String CACHE = "public, max-age=300";
    private static final String SVG = "image/svg+xml; charset=utf-8";

    private record Asset(String contentType, byte[] bytes) {
        static Asset text(String contentType, String text) {
            return new Asset(contentType, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Asset> assets = Map.of(
            "/assets/site.css", Asset.text("text/css; charset=utf-8", SiteStylesheet.CSS),
            "/assets/site.js", Asset.text("text/javascript; charset=utf-8", SiteScript.JS),
            "/assets/logo.svg", Asset.text(SVG, SiteImages.LOGO),
            "/assets/img/products.svg", Asset.text(SVG, SiteImages.PRODUCTS),
            "/assets/img/docs.svg", Asset.text(SVG, SiteImages.DOCS),
            "/assets/img/company.svg", Asset.text(SVG, SiteImages.COMPANY),
            "/favicon.ico", new Asset(FaviconIcon.CONTENT_TYPE, FaviconIcon.bytes()));

    void addTo(Router router) {
        assets.forEach((path, asset) -> router.get(path, request ->
                new Response(200, Map.of("Content-Type", asset.contentType(), "Cache-Control", CACHE), asset.bytes())));
    }
}
