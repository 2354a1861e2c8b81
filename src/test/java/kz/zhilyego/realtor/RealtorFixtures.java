package kz.zhilyego.realtor;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bookings and blocks for realtor tests, inserted with explicit SQL and dated by the test
 * clock, never the database's {@code now()}.
 */
final class RealtorFixtures {

	private final JdbcClient jdbc;

	private final Clock clock;

	RealtorFixtures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	/**
	 * A booking in any status. {@code paid}: it was confirmed at some point
	 * ({@code confirmed_at} set).
	 */
	UUID booking(long listingId, long guestId, String guestName, String checkIn, String checkOut, String status,
			long total, boolean paid, @Nullable Long refundDue, @Nullable String cancelReason) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into bookings (id, listing_id, owner_id, guest_id, status, check_in, check_out, guests,
				    guest_name, guest_phone, guest_email, rules_accepted_at, nightly, subtotal, discounts, total,
				    currency, commission_percent, platform_commission, gateway_fee_percent, gateway_fee,
				    hold_expires_at, created_at, confirmed_at, cancelled_at, cancelled_by, cancel_reason, refund_due)
				select :id, l.id, l.owner_id, :guest, :status, :checkIn, :checkOut, 2, :name, '+77017654321',
				    'guest@example.kz', :now, '[]', :total, 0, :total, 'KZT', 10, 0, 2.5, 0, :now, :now,
				    case when :paid then cast(:now as timestamptz) end,
				    case when :status = 'CANCELLED' then cast(:now as timestamptz) end,
				    case when :status = 'CANCELLED' then 'GUEST' end, :reason, :refund
				from listings l where l.id = :listing
				""")
			.param("id", id)
			.param("listing", listingId)
			.param("guest", guestId)
			.param("status", status)
			.param("checkIn", LocalDate.parse(checkIn))
			.param("checkOut", LocalDate.parse(checkOut))
			.param("name", guestName)
			.param("total", BigDecimal.valueOf(total))
			.param("paid", paid)
			.param("reason", cancelReason)
			.param("refund", refundDue == null ? null : BigDecimal.valueOf(refundDue))
			.param("now", now())
			.update();
		if (status.equals("HOLD") || status.equals("CONFIRMED") || status.equals("CHECKED_IN")) {
			this.jdbc.sql("""
					insert into occupancies (listing_id, period, kind, booking_id)
					values (:listing, daterange(:from, :to), 'BOOKING', :booking)
					""")
				.param("listing", listingId)
				.param("from", LocalDate.parse(checkIn))
				.param("to", LocalDate.parse(checkOut))
				.param("booking", id)
				.update();
		}
		return id;
	}

	/** A block; {@code removed}: taken back (no occupancy, not counted). */
	void block(long listingId, String from, String to, boolean removed) {
		long id = this.jdbc.sql("""
				insert into listing_blocks (listing_id, period, reason, created_by, created_at, removed_by, removed_at)
				select :listing, daterange(:from, :to), 'REPAIR', l.owner_id, :now,
				       case when :removed then l.owner_id end, case when :removed then cast(:now as timestamptz) end
				from listings l where l.id = :listing
				returning id
				""")
			.param("listing", listingId)
			.param("from", LocalDate.parse(from))
			.param("to", LocalDate.parse(to))
			.param("removed", removed)
			.param("now", now())
			.query(Long.class)
			.single();
		if (!removed) {
			this.jdbc.sql("""
					insert into occupancies (listing_id, period, kind, block_id)
					values (:listing, daterange(:from, :to), 'BLOCK', :block)
					""")
				.param("listing", listingId)
				.param("from", LocalDate.parse(from))
				.param("to", LocalDate.parse(to))
				.param("block", id)
				.update();
		}
	}

}
