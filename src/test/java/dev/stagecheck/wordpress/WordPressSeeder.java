package dev.stagecheck.wordpress;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's own content, written through WordPress's PHP API (as www-data, after wp-load.php):
 * an editor beside the administrator, posts with comments open, pages (one with a link to a page
 * that was removed, which the profile accepts), a search page, a page linking the two HTTP-auth
 * areas, and an Application Password for the editor's REST API calls.
 */
final class WordPressSeeder {
    /** The link the About page keeps to a catalogue that is gone, accepted by the WordPress profile. */
    static final String REMOVED_CATALOGUE = "/discontinued-catalogue-2019/";

    private WordPressSeeder() {
    }

    static Map<String, String> seed(WordPressSite site) {
        var values = new LinkedHashMap<String, String>();
        values.put("editor.user", "eddie");
        values.put("editor.password", WordPressSite.randomSecret());
        values.put("members.user", "member");
        values.put("members.password", WordPressSite.randomSecret());
        values.put("minutes.user", "clerk");
        values.put("minutes.password", WordPressSite.randomSecret());

        var htaccess = new SiteHtaccess(site.documentRoot(), site.folder());
        htaccess.basicArea("members", "Members", values.get("members.user"), values.get("members.password"),
                page("Members' newsletter", "<p>The members' newsletter.</p><p><a href=\"/members/2026-autumn.html\">Autumn issue</a></p>"));
        ApacheInstance.write(site.documentRoot().resolve("members/2026-autumn.html"), page("Autumn issue", "<p>News for members.</p>"));
        htaccess.digestArea("minutes", "Board minutes", values.get("minutes.user"), values.get("minutes.password"),
                page("Board minutes", "<p>Minutes of the board meetings.</p>"));

        var script = site.folder().resolve("seed.php");
        ApacheInstance.write(script, php(site, values));
        var result = Shell.run(Duration.ofMinutes(2), List.of("runuser", "-u", "www-data", "--", "php", script.toString()),
                Map.of("WORDPRESS_CONFIG", site.configName()), null);
        if (!result.ok()) {
            throw new IllegalStateException("cannot seed WordPress: " + result.describe());
        }
        var appPassword = result.output().lines().filter(line -> line.startsWith("app.password=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the seeder printed no application password: " + result.describe()));
        values.put("editor.app.key", values.get("editor.user") + ":" + appPassword.substring("app.password=".length()).strip());
        return values;
    }

    private static String php(WordPressSite site, Map<String, String> values) {
        return """
                <?php
                $_SERVER['HTTP_HOST'] = '127.0.0.1';
                $_SERVER['REQUEST_URI'] = '/';
                // A failure says what failed on stderr, not WordPress's "critical error" page.
                define('WP_DISABLE_FATAL_ERROR_HANDLER', true);
                ini_set('display_errors', 'stderr');
                require '/usr/share/wordpress/wp-load.php';
                require_once ABSPATH . 'wp-admin/includes/user.php';

                update_option('blogdescription', 'Where the 401s were fixed');
                // Through $wp_rewrite, so the rules flushed below are the pretty ones.
                $wp_rewrite->set_permalink_structure('/%%postname%%/');
                // As Settings > Permalinks does: the taxonomies' rules follow the new structure.
                create_initial_taxonomies();
                // Avatars come from gravatar.com; a staging site on a closed network shows none.
                update_option('show_avatars', 0);
                // WordPress tests script compression with a background request on the first admin page; answer it now.
                update_option('can_compress_scripts', 1);
                update_option('default_comment_status', 'open');

                $editor = wp_insert_user(['user_login' => '%1$s', 'user_pass' => '%2$s', 'user_email' => 'eddie@example.test',
                    'role' => 'editor', 'display_name' => 'Eddie Editor']);
                if (is_wp_error($editor)) { fwrite(STDERR, $editor->get_error_message()); exit(1); }

                $publish = function ($type, $title, $slug, $content) use ($editor) {
                    $id = wp_insert_post(['post_type' => $type, 'post_title' => $title, 'post_name' => $slug,
                        'post_content' => $content, 'post_status' => 'publish', 'post_author' => $editor,
                        'comment_status' => $type === 'post' ? 'open' : 'closed'], true);
                    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
                    return $id;
                };
                $p = fn ($text) => "<!-- wp:paragraph -->\\n<p>$text</p>\\n<!-- /wp:paragraph -->\\n";
                $publish('post', 'New pricing for the autumn', 'new-pricing-for-the-autumn',
                    $p('Our pricing is per project and month; the old yearly plans are gone.') . $p('Questions? Leave a comment below.'));
                $publish('post', 'Why the members area asked you to sign in twice', 'members-area-sign-in',
                    $p('After the move the members area answered 401 Unauthorized to everyone. It is fixed.'));
                $publish('page', 'About us', 'about-us',
                    $p('We make widgets since 2009.') . $p('Our <a href="%3$s">2019 catalogue</a> is kept for the record.'));
                $publish('page', 'Members corner', 'members-corner',
                    $p('Members read <a href="/members/">the newsletter</a>; the board keeps <a href="/minutes/">its minutes</a>.'));
                $publish('page', 'Search the site', 'search-the-site',
                    "<!-- wp:search {\\"label\\":\\"Search\\",\\"buttonText\\":\\"Search\\"} /-->\\n");

                flush_rewrite_rules(false);
                [$password] = WP_Application_Passwords::create_new_application_password($editor, ['name' => 'stagecheck']);
                echo "app.password=$password\\n";
                """.formatted(values.get("editor.user"), values.get("editor.password"), REMOVED_CATALOGUE);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>" + title
                + "</h1>" + body + "<p><a href=\"/\">Home</a></p></body></html>\n";
    }

}
