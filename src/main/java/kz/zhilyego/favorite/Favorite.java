package kz.zhilyego.favorite;

import java.time.Instant;

/** A listing a user saved, and when. */
public record Favorite(long listingId, Instant createdAt) {
}
