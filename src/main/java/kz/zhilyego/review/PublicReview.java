package kz.zhilyego.review;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A published review as anyone may see it: the author by first name only (never a phone
 * or an e-mail), and the realtor's reply if there is one.
 */
public record PublicReview(long id, int rating, @Nullable String comment, String author, Instant createdAt,
		@Nullable String reply, @Nullable Instant repliedAt) {
}
