package dev.stagecheck.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sent contact messages, in memory under random ids; the thank-you page reads them back by id.
 * They are also kept in the order they came, so a self-test can see whether a run sent any.
 */
final class ContactInbox {

    /** A summary shows this much of the message, so a long one stays one short line. */
    private static final int SUMMARY_CHARS = 40;

    private final Map<String, ContactMessage> messages = new ConcurrentHashMap<>();
    private final List<ContactMessage> inOrder = new CopyOnWriteArrayList<>();

    String store(ContactMessage message) {
        String id = RandomIds.hex32();
        messages.put(id, message);
        inOrder.add(message);
        return id;
    }

    Optional<ContactMessage> find(String id) {
        return Optional.ofNullable(messages.get(id));
    }

    int count() {
        return inOrder.size();
    }

    /**
     * One line per message, oldest first: {@code Ada Tester <ada@example.test>: Checking that the c...}.
     * Control characters become spaces, so a message cannot add lines of its own.
     */
    List<String> summaries() {
        return inOrder.stream().map(ContactInbox::summary).toList();
    }

    private static String summary(ContactMessage message) {
        String text = message.message().strip();
        String shortText = text.length() <= SUMMARY_CHARS ? text : text.substring(0, SUMMARY_CHARS) + "...";
        return oneLine(message.name().strip() + " <" + message.email().strip() + ">: " + shortText);
    }

    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }
}
