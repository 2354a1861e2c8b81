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

	/**
	 * {@code count} more active listings of the same owner, like the demo realtor's: the
	 * template's place and times, varied titles, houses, districts and prices. Answers
	 * their ids in order.
	 */
	java.util.List<Long> copies(long template, int count) {
		return this.jdbc
			.sql("""
					insert into listings (owner_id, city_id, district_id, class_code, type_code, title, rooms, street, house,
					    area_m2, sleeping_places, price_per_night, check_in_time, check_out_time, realtor_phone, status,
					    created_at, updated_at)
					select l.owner_id, l.city_id,
					       (select d.id from districts d where d.city_id = l.city_id
					        order by d.id offset (g % (select count(*) from districts where city_id = l.city_id)) limit 1),
					       l.class_code, l.type_code,
					       (array['Квартира у Байтерека', 'Студия на Кабанбай батыра', 'Двушка у Хан Шатыра',
					              'Апартаменты на Туран', 'Квартира у EXPO'])[1 + g % 5] || ' № ' || g,
					       1 + g % 3, l.street, g::text, 35 + g % 40, 2 + g % 3, 12000 + (g % 17) * 1500,
					       l.check_in_time, l.check_out_time, l.realtor_phone, 'ACTIVE', l.created_at, l.updated_at
					from listings l cross join generate_series(1, :count) g where l.id = :id
					returning id
					""")
			.param("id", template)
			.param("count", count)
			.query(Long.class)
			.list();
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
