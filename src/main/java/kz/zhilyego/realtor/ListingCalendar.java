package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.booking.Block;
import kz.zhilyego.booking.BlockReason;
import kz.zhilyego.booking.ListingBlocks;
import kz.zhilyego.catalog.ListingPrices;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A listing's availability calendar for staff: bookings (status, guest name), active
 * blocks (reason, note) and the price of every night (the per-date override or the base
 * price); and the per-date price overrides themselves, with their history. Blocks are
 * created and removed through {@code booking.ListingBlocks}.
 */
@Service
public class ListingCalendar {

	/** Longest calendar window and longest price range set at once. */
	static final int MAX_DAYS = 400;

	private final JdbcClient jdbc;

	private final StaffScopes scopes;

	private final ListingHistory history;

	private final AuditLog audit;

	private final ListingBlocks blocks;

	private final ListingPrices prices;

	ListingCalendar(JdbcClient jdbc, StaffScopes scopes, ListingHistory history, AuditLog audit, ListingBlocks blocks,
			ListingPrices prices) {
		this.blocks = blocks;
		this.prices = prices;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.history = history;
		this.audit = audit;
	}

	public record Calendar(long listingId, LocalDate from, LocalDate to, List<BookingEntry> bookings,
			List<BlockEntry> blocks, List<NightPrice> prices, String currency) {
	}

	/** A booking on the calendar: {@code [checkIn, checkOut)}. */
	public record BookingEntry(UUID id, String status, String guestName, LocalDate checkIn, LocalDate checkOut) {
	}

	/** An active block: {@code [from, to)}. */
	public record BlockEntry(long id, LocalDate from, LocalDate to, String reason, @Nullable String note) {
	}

	/** The price of one night; {@code override} when a per-date price is set. */
	public record NightPrice(LocalDate date, BigDecimal price, boolean override) {
	}

	/** The calendar for nights {@code [from, to)}. */
	@Transactional(readOnly = true)
	public Calendar calendar(long listingId, @Nullable LocalDate from, @Nullable LocalDate to, CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		this.scopes.ownerInScope(listingId, scope);
		checkRange(from, to);
		List<BookingEntry> bookings = this.jdbc.sql("""
				select id, status, guest_name, check_in, check_out from stay_facts
				where listing_id = :listing and status in ('HOLD', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED')
				  and check_in < :to and check_out > :from
				order by check_in, id
				""")
			.param("listing", listingId)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new BookingEntry(rs.getObject("id", UUID.class), rs.getString("status"),
					rs.getString("guest_name"), rs.getObject("check_in", LocalDate.class),
					rs.getObject("check_out", LocalDate.class)))
			.list();
		List<BlockEntry> blocks = this.jdbc.sql("""
				select id, lower(period) as f, upper(period) as t, reason, note from active_blocks
				where listing_id = :listing and period && daterange(:from, :to)
				order by lower(period), id
				""")
			.param("listing", listingId)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new BlockEntry(rs.getLong("id"), rs.getObject("f", LocalDate.class),
					rs.getObject("t", LocalDate.class), rs.getString("reason"), rs.getString("note")))
			.list();
		Map<LocalDate, BigDecimal> overrides = new HashMap<>();
		this.prices.overrides(listingId, from, to)
			.forEach((night, price) -> overrides.put(night, RealtorListings.plain(price)));
		ListingPrices.Base base = this.prices.base(listingId);
		BigDecimal basePrice = RealtorListings.plain(base.price());
		List<NightPrice> prices = new ArrayList<>();
		for (LocalDate night = from; night.isBefore(to); night = night.plusDays(1)) {
			BigDecimal override = overrides.get(night);
			prices.add(new NightPrice(night, override != null ? override : basePrice, override != null));
		}
		return new Calendar(listingId, from, to, bookings, blocks, prices, base.currency());
	}

	/**
	 * Closes nights {@code [from, to)} (booking module rules: not in the past, no
	 * overlap).
	 */
	@Transactional
	public Block block(long listingId, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable BlockReason reason,
			@Nullable String note, CurrentUser user) {
		AccessScope scope = this.scopes.of(user);
		this.scopes.ownerInScope(listingId, scope);
		if (reason == null) {
			throw ProblemException.invalidField("reason", "realtor.field.required");
		}
		if (note != null && note.length() > 1000) {
			throw ProblemException.invalidField("note", "realtor.field.tooLong");
		}
		Block block = this.blocks.create(listingId, from, to, reason, note == null || note.isBlank() ? null : note,
				scope);
		this.audit.record(user.id(), "listing.blocked", "listing", String.valueOf(listingId),
				Map.of("from", block.from().toString(), "to", block.to().toString(), "reason", reason.name()));
		return block;
	}

	@Transactional
	public void unblock(long blockId, CurrentUser user) {
		this.blocks.remove(blockId, this.scopes.of(user));
		this.audit.record(user.id(), "listing.unblocked", "block", String.valueOf(blockId), Map.of());
	}

	/** Sets the price of every night in {@code [from, to)}. */
	@Transactional
	public void setPrice(long listingId, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable BigDecimal price,
			CurrentUser user) {
		this.scopes.lockInScope(listingId, this.scopes.of(user));
		checkRange(from, to);
		if (price == null) {
			throw ProblemException.invalidField("price", "realtor.field.required");
		}
		if (price.signum() <= 0 || price.compareTo(new BigDecimal("100000000")) > 0 || price.scale() > 2) {
			throw ProblemException.invalidField("price", "realtor.field.outOfRange");
		}
		Map<LocalDate, BigDecimal> old = overrides(listingId, from, to);
		int changed = 0;
		for (LocalDate night = from; night.isBefore(to); night = night.plusDays(1)) {
			BigDecimal before = old.get(night);
			if (before != null && before.compareTo(price) == 0) {
				continue;
			}
			this.prices.set(listingId, night, price);
			this.history.price(listingId, night, before, price, user.id());
			changed++;
		}
		record(listingId, from, to, price, changed, user);
	}

	/**
	 * Removes the per-date prices in {@code [from, to)}: those nights cost the base
	 * price.
	 */
	@Transactional
	public void clearPrice(long listingId, @Nullable LocalDate from, @Nullable LocalDate to, CurrentUser user) {
		this.scopes.lockInScope(listingId, this.scopes.of(user));
		checkRange(from, to);
		Map<LocalDate, BigDecimal> old = overrides(listingId, from, to);
		old.forEach((night, before) -> this.history.price(listingId, night, before, null, user.id()));
		this.prices.clear(listingId, from, to);
		record(listingId, from, to, null, old.size(), user);
	}

	private void record(long listingId, LocalDate from, LocalDate to, @Nullable BigDecimal price, int nights,
			CurrentUser user) {
		if (nights == 0) {
			return;
		}
		this.history.record(listingId, user.id(), "PRICES_CHANGED",
				Map.of("nightPrices", new ListingChange.FieldChange(from + "/" + to, price)));
		Map<String, Object> details = new HashMap<>();
		details.put("from", from.toString());
		details.put("to", to.toString());
		details.put("nights", nights);
		details.put("price", price == null ? "base" : price.toPlainString());
		this.audit.record(user.id(), "listing.night-prices-changed", "listing", String.valueOf(listingId), details);
	}

	private Map<LocalDate, BigDecimal> overrides(long listingId, LocalDate from, LocalDate to) {
		return this.prices.overrides(listingId, from, to);
	}

	private static void checkRange(@Nullable LocalDate from, @Nullable LocalDate to) {
		if (from == null) {
			throw ProblemException.invalidField("from", "realtor.field.required");
		}
		if (to == null || !to.isAfter(from)) {
			throw ProblemException.invalidField("to", "realtor.range.order");
		}
		if (from.plusDays(MAX_DAYS).isBefore(to)) {
			throw ProblemException.invalidField("to", "realtor.range.tooLong", MAX_DAYS);
		}
	}

}
