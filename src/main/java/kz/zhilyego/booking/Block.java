package kz.zhilyego.booking;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A block of a listing's nights {@code [from, to)}: a realtor's, or (with a
 * {@code source} such as {@code ical:Airbnb}) one an imported calendar keeps
 * ({@link ExternalBlocks}).
 */
public record Block(long id, long listingId, LocalDate from, LocalDate to, BlockReason reason, @Nullable String note,
		long createdBy, Instant createdAt, @Nullable String source) {
}
