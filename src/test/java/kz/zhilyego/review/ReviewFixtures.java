package kz.zhilyego.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import kz.zhilyego.MutableClock;
import kz.zhilyego.common.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review test data: past stays in a given status (they occupy no nights), dated by the
 * test clock, never the database's {@code now()}.
 */
public final class ReviewFixtures {

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Times at {@link MutableClock#START}; pass the test clock when a test moves it. */
	public ReviewFixtures(JdbcClient jdbc) {
		this(jdbc, Clock.fixed(MutableClock.START, Zones.KAZAKHSTAN));
	}

	public ReviewFixtures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A COMPLETED stay of the guest at the listing. */
	public UUID completedStay(long listingId, long guestId, LocalDate checkIn, LocalDate checkOut) {
		return stay(listingId, guestId, checkIn, checkOut, "COMPLETED");
	}

	/** A stay in any status, for the "only COMPLETED" rule. */
	public UUID stay(long listingId, long guestId, LocalDate checkIn, LocalDate checkOut, String status) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into bookings (id, listing_id, owner_id, guest_id, status, check_in, check_out, guests,
					    guest_name, guest_phone, guest_email, rules_accepted_at, nightly, subtotal, discounts, total, currency,
					    commission_percent, platform_commission, gateway_fee_percent, gateway_fee, hold_expires_at,
					    created_at, confirmed_at, completed_at)
					select :id, l.id, l.owner_id, :guest, :status, :from, :to, 1, 'Айгерим Садыкова', '+77011234567',
					    'guest@example.kz', :now, '[]', 0, 0, 0, 'KZT', 10, 0, 2.5, 0, :now, :now, :now,
					    case when :status = 'COMPLETED' then cast(:now as timestamptz) end
					from listings l where l.id = :listing
					""")
			.param("id", id)
			.param("listing", listingId)
			.param("guest", guestId)
			.param("status", status)
			.param("from", checkIn)
			.param("to", checkOut)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return id;
	}

}
