package kz.zhilyego.booking;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A realtor's block of a listing's nights {@code [from, to)}. */
public record Block(long id, long listingId, LocalDate from, LocalDate to, BlockReason reason, @Nullable String note,
		long createdBy, Instant createdAt) {
}
