package dev.stagecheck.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The posts, comments and screen setting behind {@code /members/manage/}: what a careless crawler
 * of a WordPress-style editor area would destroy. One per site, shared by the request threads,
 * so every method locks this object. {@link #snapshot()} is the canonical text the safety
 * self-test compares before and after a crawl; it changes exactly when an item or the setting does.
 */
final class ManagedContent {

    static final String MODE_LIST = "list";
    static final String MODE_EXCERPT = "excerpt";
    static final String TRASH = "trash";
    static final String AUTO_DRAFT_TITLE = "Auto Draft";

    /** A post; {@code statusBeforeTrash} is what untrash restores, as WordPress keeps it in post meta. */
    record Post(int id, String title, String excerpt, String status, String statusBeforeTrash) {
    }

    /** A comment; status is approved, pending, spam or trash. */
    record Comment(int id, String author, String text, String status) {
        Comment withStatus(String newStatus) {
            return new Comment(id, author, text, newStatus);
        }
    }

    private final TreeMap<Integer, Post> posts = new TreeMap<>();
    private final TreeMap<Integer, Comment> comments = new TreeMap<>();
    /**
     * Every change since the seed, in order ("trash post 1", "approve comment 2"): a change undone
     * later (approved, then unapproved) leaves the snapshot as it was, but a real CMS still wrote it
     * (modified dates, revisions, notification mails), so it counts as a change too.
     */
    private final List<String> journal = new ArrayList<>();
    private int nextPostId;
    private String listMode;

    ManagedContent() {
        reset();
    }

    /** Back to the seed: three posts, four comments, list mode; the next new post is number 4 again. */
    synchronized void reset() {
        posts.clear();
        comments.clear();
        journal.clear();
        addPost(new Post(1, "Spring price list", "All widgets are 20% off until the end of the month.", "publish", ""));
        addPost(new Post(2, "Install guide draft", "Step one: unpack the widget.", "draft", ""));
        addPost(new Post(3, "Old press release", "Demo Staging opens its doors.", "publish", ""));
        addComment(new Comment(1, "Ann", "Great prices!", "approved"));
        addComment(new Comment(2, "Ann", "Is shipping free?", "pending"));
        addComment(new Comment(3, "Bob", "Thanks for the guide.", "approved"));
        addComment(new Comment(4, "Cleo", "Buy cheap watches here", "pending"));
        nextPostId = 4;
        listMode = MODE_LIST;
    }

    synchronized List<Post> posts() {
        return List.copyOf(posts.values());
    }

    synchronized List<Comment> comments() {
        return List.copyOf(comments.values());
    }

    synchronized String listMode() {
        return listMode;
    }

    /** Moves a post to the trash; false if there is no such post. Trashing a trashed post changes nothing. */
    synchronized boolean trashPost(int id) {
        Post post = posts.get(id);
        if (post == null) {
            return false;
        }
        if (!post.status().equals(TRASH)) {
            posts.put(id, new Post(id, post.title(), post.excerpt(), TRASH, post.status()));
            journal.add("trash post " + id);
        }
        return true;
    }

    /** Restores a trashed post to the status it had; false if there is no such post. */
    synchronized boolean untrashPost(int id) {
        Post post = posts.get(id);
        if (post == null) {
            return false;
        }
        if (post.status().equals(TRASH)) {
            posts.put(id, new Post(id, post.title(), post.excerpt(), post.statusBeforeTrash(), ""));
            journal.add("untrash post " + id);
        }
        return true;
    }

    /** Deletes a post for good (WordPress's "Delete permanently"); false if there was none. */
    synchronized boolean deletePost(int id) {
        if (posts.remove(id) == null) {
            return false;
        }
        journal.add("delete post " + id);
        return true;
    }

    /** Sets a comment's status (approved, pending, spam, trash); false if there is no such comment. */
    synchronized boolean setCommentStatus(int id, String status) {
        Comment comment = comments.get(id);
        if (comment == null) {
            return false;
        }
        comments.put(id, comment.withStatus(status));
        journal.add("set comment " + id + " " + status);
        return true;
    }

    /** "Empty trash": deletes every trashed post and comment. */
    synchronized void emptyTrash() {
        posts.values().removeIf(post -> post.status().equals(TRASH));
        comments.values().removeIf(comment -> comment.status().equals(TRASH));
        journal.add("empty trash");
    }

    /** What WordPress does on a mere GET of post-new.php: saves an auto-draft and opens it. */
    synchronized Post createAutoDraft() {
        Post post = new Post(nextPostId++, AUTO_DRAFT_TITLE, "", "auto-draft", "");
        addPost(post);
        journal.add("create post " + post.id());
        return post;
    }

    /** Anything but "excerpt" means list, as WordPress reads its {@code mode} parameter. */
    synchronized void setListMode(String mode) {
        listMode = MODE_EXCERPT.equals(mode) ? MODE_EXCERPT : MODE_LIST;
        journal.add("save setting listMode=" + listMode);
    }

    /**
     * One line per item in id order, then the setting, each ending in a newline, e.g.
     * {@code post 1 "Spring price list" publish}, {@code comment 2 by Ann: pending},
     * {@code setting listMode=list}: equal text means equal content, and a diff names the item.
     */
    /** Every change since the seed (or the last reset), oldest first. */
    synchronized List<String> journal() {
        return List.copyOf(journal);
    }

    synchronized String snapshot() {
        List<String> lines = new ArrayList<>();
        posts.values().forEach(post -> lines.add("post " + post.id() + " \"" + post.title() + "\" " + post.status()));
        comments.values().forEach(comment -> lines.add("comment " + comment.id() + " by " + comment.author() + ": " + comment.status()));
        lines.add("setting listMode=" + listMode);
        return String.join("\n", lines) + "\n";
    }

    private void addPost(Post post) {
        posts.put(post.id(), post);
    }

    private void addComment(Comment comment) {
        comments.put(comment.id(), comment);
    }
}
