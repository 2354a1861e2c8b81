package kz.zhilyego.chat;

import java.time.Instant;
import java.util.UUID;

/** A message was posted in a booking's chat (published in the posting transaction). */
public record ChatMessagePosted(UUID bookingId, long messageId, long authorId, Instant at) {
}
