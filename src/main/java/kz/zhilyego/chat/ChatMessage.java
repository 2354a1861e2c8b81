package kz.zhilyego.chat;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One message as its readers see it.
 *
 * @param side {@code GUEST} or {@code REALTOR}
 * @param text the text as stored (masked before payment); null for a photo alone or a
 * deleted message
 * @param masked whether contacts were masked in it
 * @param photo whether it carries a photo (served by the chat, never publicly)
 * @param deleted whether its author deleted it (text and photo are then gone for readers)
 * @param read whether the other participant has read it
 */
public record ChatMessage(long id, UUID bookingId, long authorId, String authorName, String side, @Nullable String text,
		boolean masked, boolean photo, String via, Instant createdAt, boolean deleted, boolean read) {
}
