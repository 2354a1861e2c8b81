package kz.zhilyego.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import kz.zhilyego.catalog.BookableListing;
import kz.zhilyego.catalog.ListingLocks;
import kz.zhilyego.catalog.Stay;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Realtor blocks: closing dates for maintenance, repair, personal use or another reason.
 * A block occupies nights exactly like a booking (same relation, same constraint, same
 * lock and overdue-hold expiry), so it can never overlap a hold or a stay.
 */
@Service
public class ListingBlocks {

	private static final int MAX_BLOCK_NIGHTS = 366;

	/** The longest note on a block (the form says the same). */
	public static final int MAX_NOTE = 1000;

	private final JdbcClient jdbc;

	private final StayQuotes quotes;

	private final ExpireHolds expireHolds;

	private final Bookings bookings;

	private final ListingLocks listings;

	private final Clock clock;

	ListingBlocks(JdbcClient jdbc, StayQuotes quotes, ExpireHolds expireHolds, Bookings bookings, ListingLocks listings,
			Clock clock) {
		this.jdbc = jdbc;
		this.listings = listings;
		this.quotes = quotes;
		this.expireHolds = expireHolds;
		this.bookings = bookings;
		this.clock = clock;
	}

	@Transactional
	public Block create(long listingId, @Nullable LocalDate from, @Nullable LocalDate to, BlockReason reason,
			@Nullable String note, AccessScope scope) {
		if (from == null) {
			throw ProblemException.invalidField("from", "NotNull");
		}
		if (to == null || !to.isAfter(from)) {
			throw ProblemException.invalidField("to", "block.to.afterFrom");
		}
		if (from.isBefore(LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN)))) {
			throw ProblemException.invalidField("from", "block.from.past");
		}
		this.quotes.checkHorizon(from, "from");
		if (note != null && note.strip().length() > MAX_NOTE) {
			throw ProblemException.invalidField("note", "booking.cancel.noteTooLong", MAX_NOTE);
		}
		Stay period = new Stay(from, to);
		if (period.nights() > MAX_BLOCK_NIGHTS) {
			throw ProblemException.invalidField("to", "block.tooLong", MAX_BLOCK_NIGHTS);
		}
		BookableListing listing = this.quotes.lockForBooking(listingId)
			.filter(l -> scope.coversListingOwner(l.ownerId()))
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", listingId));
		this.expireHolds.expireOverdueOn(listing.id());
		if (this.bookings.overlaps(listing.id(), period)) {
			throw ProblemException.conflict("dates-unavailable", "block.datesTaken");
		}
		Instant now = this.clock.instant();
		long id = this.jdbc.sql("""
				insert into listing_blocks (listing_id, period, reason, note, created_by, created_at)
				values (:listing, daterange(:from, :to), :reason, :note, :by, :at)
				returning id
				""")
			.param("listing", listingId)
			.param("from", from)
			.param("to", to)
			.param("reason", reason.name())
			.param("note", note)
			.param("by", scope.userId())
			.param("at", Bookings.utc(now))
			.query(Long.class)
			.single();
		Bookings.refusingOverlap("block.datesTaken", () -> this.jdbc.sql("""
				insert into occupancies (listing_id, period, kind, block_id)
				values (:listing, daterange(:from, :to), 'BLOCK', :block)
				""").param("listing", listingId).param("from", from).param("to", to).param("block", id).update());
		return new Block(id, listingId, from, to, reason, note, scope.userId(), now, null);
	}

	@Transactional
	public void remove(long blockId, AccessScope scope) {
		record Owned(long listingId, @Nullable String source) {
		}
		Owned owned = this.jdbc.sql("""
				select b.listing_id, b.source from listing_blocks b
				where b.id = :id and b.removed_at is null
				for update of b
				""")
			.param("id", blockId)
			.query((rs, n) -> new Owned(rs.getLong("listing_id"), rs.getString("source")))
			.optional()
			.orElse(null);
		if (owned == null || !scopeCovers(owned.listingId(), scope)) {
			throw ProblemException.notFound("block.notFound");
		}
		if (owned.source() != null) {
			// the imported calendar keeps it: it would come back with the next sync
			throw ProblemException.conflict("block-managed-by-feed", "block.managedByFeed", owned.source());
		}
		this.jdbc.sql("delete from occupancies where block_id = :id").param("id", blockId).update();
		this.jdbc.sql("update listing_blocks set removed_at = :at, removed_by = :by where id = :id")
			.param("at", Bookings.utc(this.clock.instant()))
			.param("by", scope.userId())
			.param("id", blockId)
			.update();
	}

	@Transactional(readOnly = true)
	public List<Block> active(long listingId, AccessScope scope) {
		if (!scopeCovers(listingId, scope)) {
			throw ProblemException.notFound("listing.notFound", listingId);
		}
		return this.jdbc.sql("""
				select b.*, lower(b.period) as from_date, upper(b.period) as to_date
				from listing_blocks b
				where b.listing_id = :listing and b.removed_at is null
				order by lower(b.period), b.id
				""")
			.param("listing", listingId)
			.query((rs, n) -> new Block(rs.getLong("id"), rs.getLong("listing_id"),
					rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
					BlockReason.valueOf(rs.getString("reason")), rs.getString("note"), rs.getLong("created_by"),
					Bookings.instant(rs, "created_at"), rs.getString("source")))
			.list();
	}

	private boolean scopeCovers(long listingId, AccessScope scope) {
		return this.listings.ownerOf(listingId).map(scope::coversListingOwner).orElse(false);
	}

}
