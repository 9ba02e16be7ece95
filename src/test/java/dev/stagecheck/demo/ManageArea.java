package dev.stagecheck.demo;

import java.util.Map;
import java.util.Optional;

/**
 * {@code /members/manage/...}: an editor area in WordPress's shapes, where plain GET links really
 * trash, approve, spam and delete {@link ManagedContent}, save a screen setting, create an
 * auto-draft and log out. It is the bait for the kit's safety self-test: a careless signed-in
 * crawl would change the site here, and a crawl that changes nothing proves the kit is careful.
 *
 * <p>As in WordPress, every changing action but the view mode and the new post carries a
 * {@code _wpnonce} ({@link Nonces}); a missing or wrong one answers 403 and changes nothing, and
 * a done action redirects (302) back to the list. The list itself is safe to load any number of times.
 */
final class ManageArea {

    static final String ROOT = "/members/manage/";
    static final String POST = ROOT + "post.php";
    static final String COMMENT = ROOT + "comment.php";
    static final String EDIT = ROOT + "edit.php";
    static final String POST_NEW = ROOT + "post-new.php";
    static final String LOGOUT = ROOT + "logout";
    /** Where WordPress goes after logging out ({@code wp-login.php?loggedout=true}). */
    static final String LOGGED_OUT = "/login?loggedout=true";

    /** The nonce actions WordPress checks for "Empty trash" and "Log out". */
    static final String EMPTY_TRASH_NONCE = "bulk-posts";
    static final String LOGOUT_NONCE = "log-out";

    /** comment.php's actions and the status each sets. */
    private static final Map<String, String> COMMENT_STATUS = Map.of(
            "approvecomment", "approved",
            "unapprovecomment", "pending",
            "spamcomment", "spam",
            "trashcomment", ManagedContent.TRASH);

    private final ManagedContent content;
    private final SessionStore sessions;
    private final Nonces nonces;
    private final ErrorPages errors;
    private final ManageScreen screen;

    ManageArea(Layout layout, ErrorPages errors, SessionStore sessions, ManagedContent content, Nonces nonces) {
        this.content = content;
        this.sessions = sessions;
        this.nonces = nonces;
        this.errors = errors;
        this.screen = new ManageScreen(layout, content, nonces);
    }

    void addTo(Router router) {
        router.redirect("/members/manage", ROOT);
        router.get(ROOT, MemberArea.signedIn(screen::list));
        router.get(POST, MemberArea.signedIn(this::post));
        router.get(COMMENT, MemberArea.signedIn(this::comment));
        router.get(EDIT, MemberArea.signedIn(this::edit));
        router.get(POST_NEW, MemberArea.signedIn(this::postNew));
        router.get(LOGOUT, MemberArea.signedIn(this::logout));
    }

    /** WordPress's nonce action for post.php's {@code action}, or null for an action it does not know. */
    static String postNonce(String action, int id) {
        return switch (action) {
            case "trash" -> "trash-post_" + id;
            case "untrash" -> "untrash-post_" + id;
            case "delete" -> "delete-post_" + id;
            default -> null;
        };
    }

    /** WordPress's nonce action for comment.php's {@code action}, or null for an action it does not know. */
    static String commentNonce(String action, int id) {
        return switch (action) {
            case "approvecomment", "unapprovecomment" -> "approve-comment_" + id;
            case "spamcomment", "trashcomment" -> "delete-comment_" + id;
            default -> null;
        };
    }

    private Response post(Request request, Session session) {
        String action = request.queryParam("action").orElse("");
        int id = id(request.queryParam("post"));
        String nonceAction = postNonce(action, id);
        if (nonceAction == null) {
            return found(ROOT); // like post.php without an action WordPress knows: back to the list, nothing done
        }
        if (!nonces.verify(session, nonceAction, request.queryParam("_wpnonce"))) {
            return expired(request);
        }
        boolean exists = switch (action) {
            case "trash" -> content.trashPost(id);
            case "untrash" -> content.untrashPost(id);
            default -> content.deletePost(id);
        };
        return exists ? found(ROOT) : missing(request);
    }

    private Response comment(Request request, Session session) {
        String action = request.queryParam("action").orElse("");
        int id = id(request.queryParam("c"));
        String nonceAction = commentNonce(action, id);
        if (nonceAction == null) {
            return found(ROOT);
        }
        if (!nonces.verify(session, nonceAction, request.queryParam("_wpnonce"))) {
            return expired(request);
        }
        return content.setCommentStatus(id, COMMENT_STATUS.get(action)) ? found(ROOT) : missing(request);
    }

    /** The list again, after saving {@code mode} as WordPress does; with {@code delete_all}, "Empty trash". */
    private Response edit(Request request, Session session) {
        if (request.queryParam("delete_all").isPresent()) {
            if (!nonces.verify(session, EMPTY_TRASH_NONCE, request.queryParam("_wpnonce"))) {
                return expired(request);
            }
            if (request.queryParam("post_status").filter(ManagedContent.TRASH::equals).isPresent()) {
                content.emptyTrash();
            }
            return found(ROOT);
        }
        request.queryParam("mode").ifPresent(content::setListMode);
        return screen.list(request, session);
    }

    private Response postNew(Request request, Session session) {
        return screen.newPost(request, session, content.createAutoDraft());
    }

    /** Without the right nonce, WordPress's "Do you really want to log out?" and nothing else. */
    private Response logout(Request request, Session session) {
        if (!nonces.verify(session, LOGOUT_NONCE, request.queryParam("_wpnonce"))) {
            return screen.confirmLogout(request, session);
        }
        sessions.close(session.id());
        sessions.cookieValue(request.headers()).ifPresent(sessions::close);
        return found(LOGGED_OUT).withHeader("Set-Cookie", SessionStore.clearCookie());
    }

    private Response expired(Request request) {
        return errors.forbidden(request, "The link you followed has expired. Nothing was changed.");
    }

    private Response missing(Request request) {
        return errors.status(request, 404, "You attempted to edit an item that does not exist. Perhaps it was deleted?");
    }

    /** WordPress redirects with 302 after an action. */
    private static Response found(String location) {
        return new Response(302, Map.of("Location", location), new byte[0]);
    }

    /** A positive id, or 0 (which matches nothing) for a missing or malformed one. */
    private static int id(Optional<String> value) {
        try {
            return value.map(Integer::parseInt).filter(id -> id > 0).orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
