package dev.stagecheck.wordpress;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The site's {@code .htaccess} files, as an administrator writes them: WordPress's own rewrite rules
 * at the root, HTTP Basic and Digest areas in folders of their own, and (to break the site) a
 * whole-site Basic lock on top of the rewrite rules.
 */
public final class SiteHtaccess {
    private static final String REWRITE = """
            # BEGIN WordPress
            <IfModule mod_rewrite.c>
            RewriteEngine On
            RewriteBase /
            RewriteRule ^index\\.php$ - [L]
            RewriteCond %{REQUEST_FILENAME} !-f
            RewriteCond %{REQUEST_FILENAME} !-d
            RewriteRule . /index.php [L]
            </IfModule>
            # END WordPress
            """;

    private final Path root;
    private final Path secretsDir;

    SiteHtaccess(Path root, Path secretsDir) {
        this.root = root;
        this.secretsDir = secretsDir;
    }

    static void writeDefault(Path root) {
        ApacheInstance.write(root.resolve(".htaccess"), REWRITE);
    }

    /** A folder whose pages need HTTP Basic credentials (htpasswd, bcrypt). */
    void basicArea(String folder, String realm, String user, String password, String indexHtml) {
        var users = secretsDir.resolve(folder + ".htpasswd");
        htpasswd(users, user, password);
        ApacheInstance.write(root.resolve(folder).resolve(".htaccess"), """
                AuthType Basic
                AuthName "%s"
                AuthUserFile %s
                Require valid-user
                """.formatted(realm, users));
        ApacheInstance.write(root.resolve(folder).resolve("index.html"), indexHtml);
    }

    /** A folder whose pages need HTTP Digest credentials (RFC 7616, MD5 as mod_auth_digest offers). */
    void digestArea(String folder, String realm, String user, String password, String indexHtml) {
        var users = secretsDir.resolve(folder + ".htdigest");
        ApacheInstance.write(users, user + ":" + realm + ":" + md5Hex(user + ":" + realm + ":" + password) + "\n");
        ApacheInstance.write(root.resolve(folder).resolve(".htaccess"), """
                AuthType Digest
                AuthName "%s"
                AuthDigestDomain /%s/
                AuthUserFile %s
                Require valid-user
                """.formatted(realm, folder, users));
        ApacheInstance.write(root.resolve(folder).resolve("index.html"), indexHtml);
    }

    /** The staging lock left on for everyone: every URL of the site asks for Basic credentials. */
    public void lockWholeSite() {
        var users = secretsDir.resolve("staging.htpasswd");
        htpasswd(users, "staging", WordPressSite.randomSecret());
        ApacheInstance.write(root.resolve(".htaccess"), """
                AuthType Basic
                AuthName "Staging"
                AuthUserFile %s
                Require valid-user
                """.formatted(users) + REWRITE);
    }

    public void unlockWholeSite() {
        writeDefault(root);
    }

    /** A password file of one user (bcrypt); the password goes in on stdin, never on a command line. */
    private static void htpasswd(Path users, String user, String password) {
        var result = Shell.run(Duration.ofSeconds(30), List.of("htpasswd", "-c", "-i", "-B", users.toString(), user), java.util.Map.of(), password + "\n");
        if (!result.ok()) {
            throw new IllegalStateException("cannot write " + users + ": " + result.describe());
        }
    }

    private static String md5Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
    }
}
