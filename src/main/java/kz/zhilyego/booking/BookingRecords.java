package kz.zhilyego.booking;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of a guest's or a realtor's bookings, for the trust scores (docs/platform.md
 * "Scores"). Bookings sent by another booking system are left out.
 */
@Service
public class BookingRecords {

	private final JdbcClient jdbc;

	BookingRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A guest's record: bookings that were paid or cancelled (holds that simply expired
	 * and open holds do not count), how many of them the guest cancelled, completed
	 * stays.
	 */
	public record GuestBookings(int bookings, int cancelledByGuest, int completed) {
	}

	/**
	 * A realtor's record for a period of check-ins: bookings that were paid, how many the
	 * realtor (or the agency) cancelled, how many the platform cancelled, the nights
	 * booked (paid, not cancelled) and the realtor's listings.
	 */
	public record HostBookings(int paid, int cancelledByHost, int cancelledByPlatform, long bookedNights,
			int listings) {
	}

	@Transactional(readOnly = true)
	public GuestBookings ofGuest(long guestId) {
		return this.jdbc.sql("""
				select count(*) filter (where b.confirmed_at is not null or b.status = 'CANCELLED') as bookings,
				       count(*) filter (where b.status = 'CANCELLED' and b.cancelled_by = 'GUEST') as cancelled,
				       count(*) filter (where b.status = 'COMPLETED') as completed
				from bookings b
				where b.guest_id = :guest and b.source is null
				  and (b.confirmed_at is not null or b.status in ('CANCELLED', 'COMPLETED'))
				""")
			.param("guest", guestId)
			.query((rs, n) -> new GuestBookings(rs.getInt("bookings"), rs.getInt("cancelled"), rs.getInt("completed")))
			.single();
	}

	/** A realtor's bookings with check-in in {@code [from, to)}. */
	@Transactional(readOnly = true)
	public HostBookings ofHost(long ownerId, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("""
					select count(*) filter (where b.confirmed_at is not null) as paid,
					       count(*) filter (where b.confirmed_at is not null and b.status = 'CANCELLED'
					                          and b.cancelled_by in ('REALTOR', 'AGENCY')) as by_host,
					       count(*) filter (where b.confirmed_at is not null and b.status = 'CANCELLED'
					                          and b.cancelled_by = 'PLATFORM') as by_platform,
					       coalesce(sum(b.check_out - b.check_in)
					                filter (where b.status in ('CONFIRMED', 'CHECKED_IN', 'COMPLETED')), 0) as nights,
					       (select count(*) from listing_facts l where l.owner_id = :owner and l.status = 'ACTIVE') as listings
					from bookings b
					where b.owner_id = :owner and b.source is null and b.check_in >= :from and b.check_in < :to
					""")
			.param("owner", ownerId)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new HostBookings(rs.getInt("paid"), rs.getInt("by_host"), rs.getInt("by_platform"),
					rs.getLong("nights"), rs.getInt("listings")))
			.single();
	}

}
