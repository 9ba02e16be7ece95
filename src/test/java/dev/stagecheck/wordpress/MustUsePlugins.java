package dev.stagecheck.wordpress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * WordPress's must-use plugins of this site (wp-content/mu-plugins): loaded on every request,
 * no activation. The self-test breaks the site with them the way a misbehaving security plugin or
 * theme would.
 */
public final class MustUsePlugins {
    private final Path folder;

    MustUsePlugins(Path folder) {
        this.folder = folder;
    }

    /** A security plugin gone wrong: every POST to the login form is answered 401 (no challenge). */
    public void refuseLoginPosts() {
        add("login-post-401", """
                add_action('login_init', function () {
                    if ($_SERVER['REQUEST_METHOD'] === 'POST') {
                        wp_die('Your session could not be verified.', 'Unauthorized', ['response' => 401]);
                    }
                });
                """);
    }

    /** A page whose template crashes: that page (by slug) answers 500. */
    public void crashPage(String slug) {
        add("page-500", """
                add_action('template_redirect', function () {
                    if (is_page('%s')) {
                        wp_die('There has been a critical error on this website.', 'Error', ['response' => 500]);
                    }
                });
                """.formatted(slug));
    }

    /** A role set up wrong, as a membership plugin does it: editors get the administrator's manage_options (nothing stored). */
    public void grantEditorsManageOptions() {
        add("editor-manage-options", """
                add_filter('user_has_cap', function ($all, $caps, $args, $user) {
                    if (in_array('editor', (array) $user->roles, true)) {
                        $all['manage_options'] = true;
                    }
                    return $all;
                }, 10, 4);
                """);
    }

    /** A session store gone wrong: logging out clears the browser's cookies but never ends the session on the server. */
    public void keepSessionsAtLogout() {
        add("logout-keeps-session", """
                class Stagecheck_Undying_Session_Tokens extends WP_User_Meta_Session_Tokens {
                    protected function update_session($verifier, $session = null) {
                        if ($session === null) {
                            return; // Destroying a session (a logout) does nothing.
                        }
                        parent::update_session($verifier, $session);
                    }
                }
                add_filter('session_token_manager', function () {
                    return 'Stagecheck_Undying_Session_Tokens';
                });
                """);
    }

    /** Takes every plugin of the self-test out again. */
    public void removeAll() {
        try (var files = Files.list(folder)) {
            for (var file : files.filter(file -> file.getFileName().toString().startsWith("stagecheck-")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + folder, e);
        }
    }

    private void add(String name, String php) {
        ApacheInstance.write(folder.resolve("stagecheck-" + name + ".php"), "<?php\n// stagecheck self-test: breaks the site on purpose.\n" + php);
    }
}
