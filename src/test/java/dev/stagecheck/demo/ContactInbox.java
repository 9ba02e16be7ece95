package dev.stagecheck.demo;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sent contact messages, in memory under random ids; the thank-you page reads them back by id. */
final class ContactInbox {

    private final Map<String, ContactMessage> messages = new ConcurrentHashMap<>();

    String store(ContactMessage message) {
        String id = RandomIds.hex32();
        messages.put(id, message);
        return id;
    }

    Optional<ContactMessage> find(String id) {
        return Optional.ofNullable(messages.get(id));
    }
}
