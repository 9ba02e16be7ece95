package dev.stagecheck.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTML of {@link ManageArea}: the list of posts and comments with their action links, the
 * new-post page and the log-out question. Rendering only reads {@link ManagedContent}, so the
 * list is safe to load any number of times. The hooks ({@code table.manage-posts},
 * {@code table.manage-comments}, the link classes, {@code a.logout-link.manage-logout}) are what
 * the self-tests look for, so keep them stable.
 */
final class ManageScreen {

    private static final String TITLE = "Manage content";

    private final Layout layout;
    private final ManagedContent content;
    private final Nonces nonces;

    ManageScreen(Layout layout, ManagedContent content, Nonces nonces) {
        this.layout = layout;
        this.content = content;
        this.nonces = nonces;
    }

    Response list(Request request, Session session) {
        boolean excerpts = content.listMode().equals(ManagedContent.MODE_EXCERPT);
        String main = """
                <h1>Manage content</h1>
                %s
                %s
                <p>The demo blog's posts and comments. As in WordPress, every action here is a plain link.</p>
                <p class="manage-tools">%s %s %s %s %s</p>
                <h2>Posts</h2>
                <div class="table-wrap">
                <table class="manage-posts">
                  <thead><tr><th scope="col">Post</th><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                </div>
                <h2>Comments</h2>
                <div class="table-wrap">
                <table class="manage-comments">
                  <thead><tr><th scope="col">Comment</th><th scope="col">Author</th><th scope="col">Text</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                </div>""".formatted(MemberArea.greeting(session), MemberArea.memberNav(request.path()),
                link("new-post", ManageArea.POST_NEW, "Add new post"),
                modeLink(ManagedContent.MODE_LIST, "List view", !excerpts),
                modeLink(ManagedContent.MODE_EXCERPT, "Excerpt view", excerpts),
                link("empty-trash", ManageArea.EDIT + "?post_status=trash&delete_all=1&_wpnonce="
                        + nonces.create(session, ManageArea.EMPTY_TRASH_NONCE), "Empty trash"),
                link("logout-link manage-logout", logoutUrl(session), "Log out"),
                postRows(session, excerpts), commentRows(session));
        return layout.page(request, PageTitle.of(TITLE, "Members"), main);
    }

    /** post-new.php: WordPress has already saved the auto-draft by the time this shows. */
    Response newPost(Request request, Session session, ManagedContent.Post draft) {
        String main = """
                <h1>Add new post</h1>
                %s
                %s
                <p class="auto-draft" data-post="%d">Post %d was saved as an auto-draft.</p>
                <p><a href="%s">Back to Manage content</a></p>""".formatted(MemberArea.greeting(session),
                MemberArea.memberNav(request.path()), draft.id(), draft.id(), ManageArea.ROOT);
        return layout.page(request, PageTitle.of("Add new post", TITLE, "Members"), main);
    }

    /** WordPress's answer to a log-out link without its nonce: 403, and the question with the right link. */
    Response confirmLogout(Request request, Session session) {
        String main = """
                <h1>Log out</h1>
                <p class="error-message">You are attempting to log out of %s.</p>
                <p>Do you really want to %s?</p>""".formatted(PageTitle.SITE_NAME,
                link("logout-link manage-logout", logoutUrl(session), "log out"));
        return layout.page(request, 403, PageTitle.of("403 Forbidden"), main);
    }

    private String postRows(Session session, boolean excerpts) {
        StringBuilder rows = new StringBuilder();
        for (ManagedContent.Post post : content.posts()) {
            List<String> actions = new ArrayList<>();
            if (post.status().equals(ManagedContent.TRASH)) {
                actions.add(link("untrash", postUrl(session, post.id(), "untrash"), "Restore"));
                actions.add(link("delete", postUrl(session, post.id(), "delete"), "Delete permanently"));
            } else {
                actions.add(link("trash", postUrl(session, post.id(), "trash"), "Trash"));
            }
            String excerpt = excerpts && !post.excerpt().isEmpty()
                    ? "<p class=\"excerpt\">" + Html.escape(post.excerpt()) + "</p>" : "";
            rows.append("    <tr id=\"post-%d\" class=\"status-%s\"><td>%d</td><td>%s%s</td><td class=\"status\">%s</td><td class=\"row-actions\">%s</td></tr>\n"
                    .formatted(post.id(), Html.escape(post.status()), post.id(), Html.escape(post.title()), excerpt,
                            Html.escape(post.status()), String.join(" ", actions)));
        }
        return rows.isEmpty() ? "    <tr><td colspan=\"4\">No posts.</td></tr>\n" : rows.toString();
    }

    private String commentRows(Session session) {
        StringBuilder rows = new StringBuilder();
        for (ManagedContent.Comment comment : content.comments()) {
            List<String> actions = new ArrayList<>();
            if (comment.status().equals("approved")) {
                actions.add(link("unapprove", commentUrl(session, comment.id(), "unapprovecomment"), "Unapprove"));
            } else {
                actions.add(link("approve", commentUrl(session, comment.id(), "approvecomment"), "Approve"));
            }
            if (!comment.status().equals("spam")) {
                actions.add(link("spam", commentUrl(session, comment.id(), "spamcomment"), "Spam"));
            }
            if (!comment.status().equals(ManagedContent.TRASH)) {
                actions.add(link("trash", commentUrl(session, comment.id(), "trashcomment"), "Trash"));
            }
            rows.append("    <tr id=\"comment-%d\" class=\"status-%s\"><td>%d</td><td>%s</td><td>%s</td><td class=\"status\">%s</td><td class=\"row-actions\">%s</td></tr>\n"
                    .formatted(comment.id(), Html.escape(comment.status()), comment.id(), Html.escape(comment.author()),
                            Html.escape(comment.text()), Html.escape(comment.status()), String.join(" ", actions)));
        }
        return rows.isEmpty() ? "    <tr><td colspan=\"5\">No comments.</td></tr>\n" : rows.toString();
    }

    private String postUrl(Session session, int id, String action) {
        return ManageArea.POST + "?post=" + id + "&action=" + action
                + "&_wpnonce=" + nonces.create(session, ManageArea.postNonce(action, id));
    }

    private String commentUrl(Session session, int id, String action) {
        return ManageArea.COMMENT + "?c=" + id + "&action=" + action
                + "&_wpnonce=" + nonces.create(session, ManageArea.commentNonce(action, id));
    }

    private String logoutUrl(Session session) {
        return ManageArea.LOGOUT + "?_wpnonce=" + nonces.create(session, ManageArea.LOGOUT_NONCE);
    }

    /** The current view mode is marked, as WordPress marks its view switch; both stay links. */
    private static String modeLink(String mode, String label, boolean current) {
        return "<a class=\"mode-" + mode + "\" href=\"" + ManageArea.EDIT + "?mode=" + mode + "\""
                + (current ? " aria-current=\"true\"" : "") + ">" + label + "</a>";
    }

    private static String link(String cssClass, String href, String label) {
        return "<a class=\"" + cssClass + "\" href=\"" + Html.escape(href) + "\">" + Html.escape(label) + "</a>";
    }
}
