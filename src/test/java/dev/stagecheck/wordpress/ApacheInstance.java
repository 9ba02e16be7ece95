package dev.stagecheck.wordpress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Debian's Apache with mod_php, started by hand (no systemd) from a configuration of its own on a
 * free 127.0.0.1 port, so it never touches the machine's own Apache or port 80. Its document root
 * is a folder of links to Debian's WordPress tree plus the site's own {@code .htaccess} files, so
 * the test can lock the whole site (or an area) the way an administrator would, without writing
 * into the package's files.
 */
final class ApacheInstance implements AutoCloseable {
    private static final Path WORDPRESS = Path.of("/usr/share/wordpress");
    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");

    private final Path dir;
    private final int port;
    private final Path config;

    private ApacheInstance(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("apache2.conf");
    }

    /** Writes the configuration for a WordPress whose host config file is {@code config-<configName>.php} and starts Apache. */
    static ApacheInstance start(Path dir, String configName, Path contentDir) {
        var apache = new ApacheInstance(dir, freePort());
        apache.writeConfig(configName, contentDir);
        apache.linkDocumentRoot();
        apache.apache("start");
        apache.awaitPort();
        return apache;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path documentRoot() {
        return dir.resolve("site");
    }

    Path accessLog() {
        return dir.resolve("access.log");
    }

    Path errorLog() {
        return dir.resolve("error.log");
    }

    private void writeConfig(String configName, Path contentDir) {
        var modules = List.of("mpm_prefork", "authz_core", "authz_host", "authz_user", "authn_core", "authn_file",
                "auth_basic", "auth_digest", "alias", "dir", "mime", "rewrite", "env", "setenvif");
        var text = new StringBuilder();
        modules.forEach(module -> text.append("LoadModule ").append(module).append("_module ").append(MODULES.resolve("mod_" + module + ".so")).append('\n'));
        text.append("LoadModule php_module ").append(phpModule()).append('\n');
        text.append("""
                ServerName 127.0.0.1
                Listen 127.0.0.1:%1$d
                PidFile %2$s/apache.pid
                DefaultRuntimeDir %2$s
                Mutex file:%2$s default
                User www-data
                Group www-data
                ErrorLog %2$s/error.log
                LogLevel warn
                LogFormat "%%h %%l %%u %%t \\"%%r\\" %%>s %%O \\"%%{Referer}i\\" \\"%%{User-Agent}i\\"" combined
                CustomLog %2$s/access.log combined
                TypesConfig /etc/mime.types
                DirectoryIndex index.php index.html
                AccessFileName .htaccess
                <FilesMatch "\\.php$">
                    SetHandler application/x-httpd-php
                </FilesMatch>
                <Directory />
                    AllowOverride None
                    Require all denied
                </Directory>
                # Debian's wp-config.php loads /etc/wordpress/config-<WORDPRESS_CONFIG>.php.
                SetEnv WORDPRESS_CONFIG %3$s
                DocumentRoot %2$s/site
                <Directory %2$s/site>
                    Options FollowSymLinks
                    AllowOverride All
                    Require all granted
                </Directory>
                <Directory %5$s>
                    Options FollowSymLinks
                    AllowOverride None
                    Require all granted
                </Directory>
                Alias /wp-content %4$s
                <Directory %4$s>
                    Options FollowSymLinks
                    AllowOverride None
                    Require all granted
                </Directory>
                """.formatted(port, dir, configName, contentDir, WORDPRESS));
        write(config, text.toString());
    }

    private static Path phpModule() {
        try (var files = Files.list(MODULES)) {
            return files.filter(file -> file.getFileName().toString().matches("libphp[0-9.]*\\.so")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no mod_php in " + MODULES + ": is libapache2-mod-php installed?"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + MODULES, e);
        }
    }

    /** The document root: a link to every entry of WordPress's tree (wp-content is Aliased), and room for .htaccess files. */
    private void linkDocumentRoot() {
        try {
            Files.createDirectories(documentRoot());
            try (var entries = Files.list(WORDPRESS)) {
                for (var entry : entries.toList()) {
                    var name = entry.getFileName().toString();
                    if (!name.equals("wp-content") && !name.equals(".htaccess")) {
                        Files.createSymbolicLink(documentRoot().resolve(name), entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build Apache's document root in " + documentRoot(), e);
        }
    }

    private void apache(String signal) {
        Shell.check(Duration.ofSeconds(60), List.of("/usr/sbin/apache2", "-f", config.toString(), "-k", signal), signal + " Apache");
    }

    /** Apache answers once its listener is bound; the start command may return a moment before. */
    private void awaitPort() {
        var deadline = Instant.now().plusSeconds(30);
        while (true) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Apache did not listen on 127.0.0.1:" + port + " within 30 s; see " + errorLog());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // a refused connect returns at once
            }
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        stop(dir);
    }

    /** Stops the Apache whose folder this is, if it runs: gently, then by force. */
    static void stop(Path dir) {
        var pidFile = dir.resolve("apache.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            pid = -1;
        }
        Shell.run(Duration.ofSeconds(60), List.of("/usr/sbin/apache2", "-f", dir.resolve("apache2.conf").toString(), "-k", "stop"));
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(process -> {
                try {
                    process.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception stillRunning) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            });
        }
    }
}
