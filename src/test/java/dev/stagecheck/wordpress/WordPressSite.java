package dev.stagecheck.wordpress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real WordPress from Debian 12's packages on a real MariaDB, installed through its own installer
 * form and seeded with content of its own, on a free 127.0.0.1 port. Everything it starts or writes
 * (Apache, the database and its user, MariaDB when it was not running, the host config file in
 * /etc/wordpress, its folder under /tmp) is undone by {@link #close()}.
 */
public final class WordPressSite implements AutoCloseable {
    private static final Path CONFIG_DIR = Path.of("/etc/wordpress");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id = random(4);
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<AutoCloseable> undo = new ArrayList<>();
    private Path dir;
    private MariaDb database;
    private ApacheInstance apache;
    private String seededPassword;

    private WordPressSite() {
    }

    /** Installs the packages when it may (else a SkipException says why), then starts and seeds a site. */
    public static WordPressSite start() {
        WordPressPackages.ensureInstalled();
        var site = new WordPressSite();
        try {
            site.startAll();
            return site;
        } catch (RuntimeException e) {
            site.close();
            throw e;
        }
    }

    private void startAll() {
        dir = createWorldReadableFolder();
        undo.add(() -> deleteRecursively(dir));
        LeftBehind.claim(dir, id);
        var content = contentDir();
        database = MariaDb.start();
        undo.add(database);
        LeftBehind.cleanUp(database);
        var dbPassword = randomSecret();
        database.createDatabase(databaseName(), databaseName(), dbPassword);
        undo.add(() -> database.dropDatabase(databaseName(), databaseName()));
        var hostConfig = hostConfig(id);
        ApacheInstance.write(hostConfig, hostConfig(dbPassword, content));
        undo.add(() -> Files.deleteIfExists(hostConfig));
        apache = ApacheInstance.start(dir, configName(), content);
        undo.add(apache);
        secrets.put("admin.user", "siteadmin");
        secrets.put("admin.password", randomSecret());
        runInstaller();
        SiteHtaccess.writeDefault(apache.documentRoot());
        var seeded = WordPressSeeder.seed(this);
        secrets.putAll(seeded);
    }

    String id() {
        return id;
    }

    String configName() {
        return configName(id);
    }

    static String configName(String id) {
        return "stagecheck-" + id;
    }

    /** The host config Debian's wp-config.php loads for the site with this id. */
    static Path hostConfig(String id) {
        return CONFIG_DIR.resolve("config-" + configName(id) + ".php");
    }

    String databaseName() {
        return databaseName(id);
    }

    static String databaseName(String id) {
        return "stagecheck_wp_" + id;
    }

    Path folder() {
        return dir;
    }

    /** WordPress's wp-content for this site only (Debian's themes linked in), so mu-plugins stay here. */
    Path contentDir() {
        return dir.resolve("wp-content");
    }

    public String baseUrl() {
        return apache.baseUrl();
    }

    public Path accessLog() {
        return apache.accessLog();
    }

    Path documentRoot() {
        return apache.documentRoot();
    }

    MariaDb database() {
        return database;
    }

    /** A credential or value the site was seeded with: admin.user, editor.user, editor.password, members.user ... */
    public String secret(String name) {
        var value = secrets.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the WordPress site has no " + name + "; it has " + secrets.keySet());
        }
        return value;
    }

    void remember(String name, String value) {
        secrets.put(name, value);
    }

    /** The database as it is now, for comparing before and after a run. */
    public DatabaseSnapshot snapshot() {
        return DatabaseSnapshot.of(this);
    }

    public MustUsePlugins mustUsePlugins() {
        return new MustUsePlugins(contentDir().resolve("mu-plugins"));
    }

    public SiteHtaccess htaccess() {
        return new SiteHtaccess(apache.documentRoot(), dir);
    }

    private String hostConfig(String dbPassword, Path content) {
        var salts = new StringBuilder();
        for (var key : List.of("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT")) {
            salts.append("define('").append(key).append("', '").append(randomSecret()).append("');\n");
        }
        return """
                <?php
                // Written by stagecheck's real-WordPress self-test; removed when it ends.
                define('DB_NAME', '%1$s');
                define('DB_USER', '%1$s');
                define('DB_PASSWORD', '%2$s');
                define('DB_HOST', 'localhost');
                define('WP_CONTENT_DIR', '%3$s');
                // Application Passwords over plain http need a local environment; nothing may call out.
                define('WP_ENVIRONMENT_TYPE', 'local');
                define('WP_HTTP_BLOCK_EXTERNAL', true);
                define('AUTOMATIC_UPDATER_DISABLED', true);
                define('DISABLE_WP_CRON', true);
                %4$s$table_prefix = 'wp_';
                """.formatted(databaseName(), dbPassword, content, salts);
    }

    /** WordPress's own installer, as a person fills it in. */
    private void runInstaller() {
        var form = Map.of("weblog_title", "Stagecheck Staging", "user_name", secret("admin.user"),
                "admin_password", secret("admin.password"), "admin_password2", secret("admin.password"), "pw_weak", "on",
                "admin_email", "siteadmin@example.test", "blog_public", "0", "Submit", "Install WordPress");
        var body = form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/wp-admin/install.php?step=2"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("Success!")) {
                throw new IllegalStateException("WordPress's installer answered " + response.statusCode() + " without \"Success!\"; see "
                        + apache.errorLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("WordPress's installer did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during WordPress's installer", e);
        }
    }

    private Path createWorldReadableFolder() {
        try {
            // Apache's workers run as www-data: the folder lives in /tmp, readable by them (a project folder may not be).
            var folder = Files.createTempDirectory(LeftBehind.FOLDER_PREFIX, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            var content = folder.resolve("wp-content");
            for (var sub : List.of("plugins", "mu-plugins", "uploads", "themes")) {
                Files.createDirectories(content.resolve(sub));
            }
            try (var themes = Files.list(Path.of("/usr/share/wordpress/wp-content/themes"))) {
                for (var theme : themes.toList()) {
                    Files.createSymbolicLink(content.resolve("themes").resolve(theme.getFileName()), theme);
                }
            }
            Shell.check(Duration.ofSeconds(30), List.of("chown", "-R", "www-data:www-data", content.resolve("uploads").toString()), "hand uploads to www-data");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the WordPress folder in /tmp", e);
        }
    }

    static String randomSecret() {
        return random(12);
    }

    private static String random(int bytes) {
        var seed = new byte[bytes];
        RANDOM.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Stops and removes everything it started or wrote, newest first; one failure does not stop the rest. */
    @Override
    public void close() {
        for (var i = undo.size() - 1; i >= 0; i--) {
            try {
                undo.get(i).close();
            } catch (Exception e) {
                System.err.println("stagecheck self-test: could not undo a step of the WordPress site: " + e.getMessage());
            }
        }
        undo.clear();
    }
}
