package kz.zhilyego.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kz.zhilyego.catalog.Stay;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blocks that an outside calendar keeps (an imported iCal feed of Airbnb, Booking.com,
 * ...): {@link #sync} makes the listing's blocks of one {@code source} follow what the
 * feed says now — created, moved and removed — under the listing lock, in one
 * transaction, through the same occupancy relation as every booking and block. Nights
 * already occupied by something else (our bookings, holds, realtor blocks, other feeds)
 * are not blocked twice: they come back as {@link Conflict}s for the realtor, and the
 * rest of the event's nights are still blocked. The plan itself is {@link BlockPlan}.
 */
@Service
public class ExternalBlocks {

	private final JdbcClient jdbc;

	private final StayQuotes quotes;

	private final ExpireHolds expireHolds;

	private final Bookings bookings;

	private final Clock clock;

	ExternalBlocks(JdbcClient jdbc, StayQuotes quotes, ExpireHolds expireHolds, Bookings bookings, Clock clock) {
		this.jdbc = jdbc;
		this.quotes = quotes;
		this.expireHolds = expireHolds;
		this.bookings = bookings;
		this.clock = clock;
	}

	/** A range the feed says is busy: one event, keyed by its UID. */
	public record Wanted(String key, LocalDate from, LocalDate to) {

		public Wanted {
			Objects.requireNonNull(key, "key");
			if (!to.isAfter(from)) {
				throw new IllegalArgumentException("to must be after from");
			}
		}

	}

	/** Nights of an event that something else occupies here. */
	public record Conflict(String key, LocalDate from, LocalDate to, ExternalStays.Occupied occupied) {
	}

	/**
	 * @param blocks the source's blocks now, first night first
	 * @param conflicts the events (by key) whose nights were partly or wholly taken
	 * @param past keys of events that ended before today (nothing to block)
	 * @param changed whether any block was created, moved or removed
	 */
	public record Result(List<Block> blocks, List<Conflict> conflicts, List<String> past, boolean changed) {

		public Result {
			blocks = List.copyOf(blocks);
			conflicts = List.copyOf(conflicts);
			past = List.copyOf(past);
		}

	}

	/**
	 * Makes the listing's blocks of {@code source} exactly what {@code wanted} asks for
	 * (from today on; earlier nights are left alone).
	 * @param source e.g. {@code ical:Airbnb}
	 * @param label shown with the block (its note)
	 * @param actorId who set the feed up (recorded as the blocks' author)
	 * @throws ProblemException 404 for an unknown listing
	 */
	@Transactional
	public Result sync(long listingId, String source, String label, List<Wanted> wanted, long actorId) {
		this.quotes.lockForBooking(listingId)
			.orElseThrow(() -> ProblemException.notFound("listing.notFound", listingId));
		this.expireHolds.expireOverdueOn(listingId);
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		List<BlockPlan.Occupant> foreign = new ArrayList<>();
		LocalDate min = null;
		LocalDate max = null;
		for (Wanted w : wanted) {
			min = (min == null || w.from().isBefore(min)) ? w.from() : min;
			max = (max == null || w.to().isAfter(max)) ? w.to() : max;
		}
		if (min != null && max.isAfter(today)) {
			LocalDate from = min.isBefore(today) ? today : min;
			for (Bookings.Occupant o : this.bookings.occupants(listingId, new Stay(from, max), null)) {
				if ("BLOCK".equals(o.kind()) && source.equals(o.source())) {
					continue;
				}
				foreign.add(new BlockPlan.Occupant(o.from(), o.to(),
						new ExternalStays.Occupied(o.kind(), o.bookingId(), o.source(), o.from(), o.to())));
			}
		}
		BlockPlan plan = BlockPlan.of(wanted, foreign, today);
		Map<String, Block> current = new LinkedHashMap<>();
		for (Keyed keyed : keyed(listingId, source)) {
			current.put(keyed.key(), keyed.block());
		}
		Map<String, BlockPlan.Segment> desired = new LinkedHashMap<>();
		plan.segments().forEach(segment -> desired.put(segment.key(), segment));
		// free everything that goes or moves first, so that no intermediate state
		// overlaps
		List<Long> release = new ArrayList<>();
		Map<String, Block> moved = new HashMap<>();
		for (Map.Entry<String, Block> entry : current.entrySet()) {
			BlockPlan.Segment segment = desired.get(entry.getKey());
			Block block = entry.getValue();
			if (segment == null) {
				release.add(block.id());
			}
			else if (!segment.from().equals(block.from()) || !segment.to().equals(block.to())) {
				release.add(block.id());
				moved.put(entry.getKey(), block);
			}
		}
		Instant now = this.clock.instant();
		for (long id : release) {
			this.jdbc.sql("delete from occupancies where block_id = :id").param("id", id).update();
		}
		for (Map.Entry<String, Block> entry : current.entrySet()) {
			if (!desired.containsKey(entry.getKey())) {
				this.jdbc.sql("update listing_blocks set removed_at = :at, removed_by = :by where id = :id")
					.param("at", Bookings.utc(now))
					.param("by", actorId)
					.param("id", entry.getValue().id())
					.update();
			}
		}
		boolean changed = !release.isEmpty();
		for (BlockPlan.Segment segment : desired.values()) {
			Block existing = current.get(segment.key());
			long id;
			if (existing == null) {
				id = this.jdbc.sql("""
						insert into listing_blocks (listing_id, period, reason, note, created_by, created_at, source,
						    external_key)
						values (:listing, daterange(:from, :to), 'OTHER', :note, :by, :at, :source, :key)
						returning id
						""")
					.param("listing", listingId)
					.param("from", segment.from())
					.param("to", segment.to())
					.param("note", label)
					.param("by", actorId)
					.param("at", Bookings.utc(now))
					.param("source", source)
					.param("key", segment.key())
					.query(Long.class)
					.single();
				changed = true;
			}
			else if (moved.containsKey(segment.key())) {
				id = existing.id();
				this.jdbc.sql("update listing_blocks set period = daterange(:from, :to) where id = :id")
					.param("from", segment.from())
					.param("to", segment.to())
					.param("id", id)
					.update();
			}
			else {
				continue;
			}
			long block = id;
			Bookings.refusingOverlap("block.datesTaken",
					() -> this.jdbc.sql("""
							insert into occupancies (listing_id, period, kind, block_id)
							values (:listing, daterange(:from, :to), 'BLOCK', :block)
							""")
						.param("listing", listingId)
						.param("from", segment.from())
						.param("to", segment.to())
						.param("block", block)
						.update());
		}
		List<Conflict> conflicts = plan.conflicts()
			.stream()
			.map(c -> new Conflict(c.key(), c.from(), c.to(), (ExternalStays.Occupied) c.occupant().what()))
			.toList();
		return new Result(active(listingId, source), conflicts, plan.past(), changed);
	}

	/** Removes every block of the source (the feed was deleted); returns how many. */
	@Transactional
	public int removeAll(long listingId, String source, long actorId) {
		this.quotes.lockForBooking(listingId);
		List<Block> blocks = active(listingId, source);
		Instant now = this.clock.instant();
		for (Block block : blocks) {
			this.jdbc.sql("delete from occupancies where block_id = :id").param("id", block.id()).update();
			this.jdbc.sql("update listing_blocks set removed_at = :at, removed_by = :by where id = :id")
				.param("at", Bookings.utc(now))
				.param("by", actorId)
				.param("id", block.id())
				.update();
		}
		return blocks.size();
	}

	/** The listing's active blocks of the source, first night first. */
	@Transactional(readOnly = true)
	public List<Block> active(long listingId, String source) {
		return keyed(listingId, source).stream().map(Keyed::block).toList();
	}

	private record Keyed(Block block, String key) {
	}

	private List<Keyed> keyed(long listingId, String source) {
		return this.jdbc.sql("""
				select b.*, lower(b.period) as from_date, upper(b.period) as to_date
				from listing_blocks b
				where b.listing_id = :listing and b.source = :source and b.removed_at is null
				order by lower(b.period), b.id
				""")
			.param("listing", listingId)
			.param("source", source)
			.query((rs,
					n) -> new Keyed(new Block(rs.getLong("id"), rs.getLong("listing_id"),
							rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
							BlockReason.valueOf(rs.getString("reason")), rs.getString("note"), rs.getLong("created_by"),
							Bookings.instant(rs, "created_at"), rs.getString("source")), rs.getString("external_key")))
			.list();
	}

}
