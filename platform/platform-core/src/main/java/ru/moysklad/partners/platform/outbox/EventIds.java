package ru.moysklad.partners.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from what caused the event, so that doing the same thing twice (a replay, a
 * redelivered request) can only ever announce one event id, and consumers drop the copy.
 */
public final class EventIds {

    private EventIds() {
    }

    /** A name-based UUID of the event type and the parts that identify its cause. */
    public static String derived(String eventType, String... causeParts) {
        return UUID.nameUUIDFromBytes((eventType + ":" + String.join(":", causeParts)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
